import { signal } from '@preact/signals'
import { api, setCsrfToken, type Schemas } from './api'

export type Session = Schemas['Session']
/** undefined while loading, null when nobody is signed in. */
export const session = signal<Session | null | undefined>(undefined)

export function adopt(next: Session | null): void {
  setCsrfToken(next?.csrfToken ?? null)
  session.value = next
}

export async function loadSession(): Promise<void> {
  try { adopt(await api<Session>('GET', '/v1/session')) } catch { adopt(null) }
}
