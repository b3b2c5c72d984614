import { signal } from '@preact/signals'
import { api, setCsrfToken, type Schemas } from './api'

export type Session = Schemas['Session']
/** undefined while loading, null when nobody is signed in. */
export const session = signal<Session | null | undefined>(undefined)

export function adopt(next: Session | null): void {
  setCsrfToken(next?.csrfToken ?? null)
  session.value = next
}

/** Whether this browser may hold a session (a readable hint set with the HttpOnly cookie). */
export const maySignedIn = () => document.cookie.split('; ').includes('relais_signed_in=1')

export async function loadSession(): Promise<Session | null> {
  let current: Session | null = null
  if (maySignedIn()) {
    try { current = await api<Session>('GET', '/v1/session') } catch {
      document.cookie = 'relais_signed_in=; path=/; max-age=0' // the session ended: forget the hint
    }
  }
  adopt(current)
  return current
}
