import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

// Secrets at rest (source credentials, webhook secrets) are sealed with AES-256-GCM: a random
// 96-bit IV per value, the 128-bit tag checked on opening, and the purpose (which field the value
// belongs to) as additional data, so a sealed value moved to another field does not open.
// Format: `sealed:v1:<key id>:<base64url of iv | tag | ciphertext>`. The key id (8 hex of the
// key's SHA-256) says which key sealed it, so several keys can be held during a rotation.
const PREFIX = 'sealed:v1:'

export interface SecretBox {
  /** The key new values are sealed with. */
  readonly keyId: string
  seal(plaintext: string, purpose: string): string
  /** Throws when the value is not sealed, was sealed by a key this box lacks, or was altered. */
  open(sealed: string, purpose: string): string
}

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError'
}

export const isSealed = (value: string) => value.startsWith(PREFIX)
export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8)

/** A box sealing with the first key and opening with any of them. Keys are 32 bytes. */
export function createSecretBox(keys: readonly Buffer[]): SecretBox {
  if (keys.length === 0 || keys.some((k) => k.length !== 32)) throw new SecretBoxError('A secret key is 32 bytes.')
  const byId = new Map(keys.map((key) => [keyIdOf(key), key]))
  const [primary] = keys
  const keyId = keyIdOf(primary)
  return {
    keyId,
    seal(plaintext, purpose) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', primary, iv)
      cipher.setAAD(Buffer.from(purpose))
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return `${PREFIX}${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
    },
    open(sealed, purpose) {
      if (!isSealed(sealed)) throw new SecretBoxError('The value is not sealed.')
      const [id, payload] = sealed.slice(PREFIX.length).split(':')
      const key = byId.get(id)
      if (!key) throw new SecretBoxError(`The value was sealed with key ${id}, which this process does not hold (SECRET_KEY or the key file changed?).`)
      const raw = Buffer.from(payload ?? '', 'base64url')
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
      decipher.setAAD(Buffer.from(purpose))
      decipher.setAuthTag(raw.subarray(12, 28))
      try {
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
      } catch {
        throw new SecretBoxError('A sealed value does not open: it was altered or belongs to another field.')
      }
    },
  }
}

/** A box for code paths that must not touch secrets (tests of other things): any use throws. */
export const NO_SECRETS: SecretBox = {
  keyId: 'none',
  seal() { throw new SecretBoxError('No secret key is configured in this process.') },
  open() { throw new SecretBoxError('No secret key is configured in this process.') },
}
