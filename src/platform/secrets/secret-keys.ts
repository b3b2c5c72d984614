import { randomBytes } from 'node:crypto'
import { mkdirSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Config } from '../config/index.ts'
import { createSecretBox, type SecretBox } from './secret-box.ts'

export const KEY_FILE = 'secret.key'
/** Written first by a rotation and renamed over the key file once every value is re-sealed. */
export const NEXT_KEY_FILE = 'secret.key.next'

export class SecretKeyError extends Error {
  override readonly name = 'SecretKeyError'
}

const decode = (text: string, where: string) => {
  const key = Buffer.from(text.trim(), 'base64')
  if (key.length !== 32) throw new SecretKeyError(`${where} does not hold a 32-byte key in base64.`)
  return key
}

function readKeyFile(path: string): Buffer | null {
  try {
    const mode = statSync(path).mode & 0o777
    if (mode & 0o077) throw new SecretKeyError(`${path} can be read by other users (mode ${mode.toString(8)}): chmod 600 it.`)
    return decode(readFileSync(path, 'utf8'), path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Creates the key file with mode 0600 unless it exists (an exclusive create: two processes never write two keys). */
export function createKeyFile(path: string, key: Buffer): boolean {
  let fd: number
  try {
    fd = openSync(path, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, `${key.toString('base64')}\n`)
  } finally {
    closeSync(fd)
  }
  return true
}

/**
 * The keys secrets are sealed with. SECRET_KEY when set. Otherwise a key file in DATA_DIR, made
 * on first start. With PostgreSQL that file serves one instance only: instances sharing the
 * database would each make a key of their own and could not read each other's secrets, so a
 * warning says to set SECRET_KEY (the same on every instance) before adding a second one.
 */
export function loadSecretBox(config: Pick<Config, 'secretKey' | 'database'>, warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): SecretBox {
  if (config.secretKey) return createSecretBox([decode(config.secretKey, 'SECRET_KEY')])
  const dir = resolve(config.database.dataDir)
  if (config.database.url) {
    warn(`SECRET_KEY is not set: secrets are sealed with the key file in ${dir}, which serves this instance only. Set SECRET_KEY (the same on every instance; generate one with: openssl rand -base64 32) before running several instances on this database.`)
  }
  mkdirSync(dir, { recursive: true })
  const path = join(dir, KEY_FILE)
  let current = readKeyFile(path)
  if (!current) {
    createKeyFile(path, randomBytes(32))
    current = readKeyFile(path)
  }
  if (!current) throw new SecretKeyError(`Could not read ${path}.`)
  // A rotation that stopped after re-sealing some values: both keys open what is stored.
  const next = readKeyFile(join(dir, NEXT_KEY_FILE))
  return createSecretBox(next ? [next, current] : [current])
}
