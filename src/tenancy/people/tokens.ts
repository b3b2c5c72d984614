import { createHash, randomBytes } from 'node:crypto'

// Session and link tokens are 256 random bits; only their SHA-256 is stored (a slow hash adds
// nothing to a secret that long).
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/
