import type { SecretBox } from './secret-box.ts'

// What each stored secret is sealed for: the names stay readable (the API lists which
// credentials a source has), the values do not.
export const credentialPurpose = (name: string) => `source-credential:${name}`
export const WEBHOOK_SECRET_PURPOSE = 'webhook-secret'
/** The purpose a source's network session is sealed for: a sealed session moved to another field does not open. */
export const SOURCE_SESSION_PURPOSE = 'source-session'

export function sealCredentials(box: SecretBox, credentials: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(credentials).map(([name, value]) => [name, box.seal(value, credentialPurpose(name))]))
}

export function openCredentials(box: SecretBox, credentials: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(credentials).map(([name, value]) => [name, box.open(value, credentialPurpose(name))]))
}
