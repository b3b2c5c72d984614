import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

// An API key reads `rls_<public id>_<secret>`. The public id finds the row; only a SHA-256 of the
// secret is stored (the secret is 256 random bits, so a slow hash adds nothing), and it is
// compared in constant time.
const KEY_PATTERN = /^rls_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/

export interface GeneratedKey { key: string; publicId: string; secretHash: string }

export function generateApiKey(): GeneratedKey {
  const publicId = randomBytes(8).toString('hex')
  const secret = randomBytes(32).toString('base64url')
  return { key: `rls_${publicId}_${secret}`, publicId, secretHash: hashSecret(secret) }
}

export function parseApiKey(key: string): { publicId: string; secret: string } | null {
  const match = KEY_PATTERN.exec(key)
  return match ? { publicId: match[1], secret: match[2] } : null
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}
