// Mastodon `acct` is `user` for accounts local to the queried instance and `user@domain` for
// remote ones; Relais keys accounts by `user@domain` everywhere so every instance agrees.

export interface ParsedAcct {
  username: string
  domain: string
}

export function parseAcct(acct: string, localDomain: string): ParsedAcct {
  const bare = acct.trim().replace(/^@/, '')
  const at = bare.indexOf('@')
  if (at === -1) return { username: bare, domain: localDomain.toLowerCase() }
  return { username: bare.slice(0, at), domain: bare.slice(at + 1).toLowerCase() }
}

/** The handle people type, keeping the username's case: `Alice@other.example`. */
export function acctHandle(acct: string, localDomain: string): string {
  const { username, domain } = parseAcct(acct, localDomain)
  return `${username}@${domain}`
}

/** The account's global id: lower-cased `user@domain`. */
export function acctId(acct: string, localDomain: string): string {
  return acctHandle(acct, localDomain).toLowerCase()
}

/**
 * What `/api/v1/accounts/lookup` expects: a bare username for local accounts (instances whose
 * web host differs from their account domain reject `user@webhost`), `user@domain` otherwise.
 */
export function lookupAcct(accountId: string, localDomain: string): string {
  const { username, domain } = parseAcct(accountId, localDomain)
  return domain === localDomain.toLowerCase() ? username : `${username}@${domain}`
}
