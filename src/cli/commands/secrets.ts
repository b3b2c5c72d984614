import { randomBytes } from 'node:crypto'
import { renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { resealSecrets } from '../../platform/secrets/reseal.ts'
import { createSecretBox } from '../../platform/secrets/secret-box.ts'
import { createKeyFile, KEY_FILE, loadSecretBox, NEXT_KEY_FILE, SecretKeyError } from '../../platform/secrets/secret-keys.ts'
import { UsageError, withDatabase, type Io } from '../context.ts'
import { secretsUsage } from '../usage.ts'


/**
 * Key rotation. With the key file (embedded database, no SECRET_KEY): a new key is written beside
 * the current one (secret.key.next), every secret is re-sealed with it in one transaction, then it
 * replaces the key file — a rotation stopped half-way is finished by running it again, since both
 * keys are read at start. With SECRET_KEY: NEW_SECRET_KEY names the new key; afterwards SECRET_KEY
 * must be set to it on every instance.
 */
export async function secretsCommand(args: string[], io: Io): Promise<number> {
  if (args[0] !== 'rotate' || args.length > 1) throw new UsageError(secretsUsage)
  return withDatabase('secrets rotate', async ({ db }, config) => {
    const current = loadSecretBox(config)
    if (config.secretKey) {
      if (!config.newSecretKey) throw new SecretKeyError('Set NEW_SECRET_KEY to the new key (openssl rand -base64 32); SECRET_KEY stays the current one for this command.')
      const next = createSecretBox([Buffer.from(config.newSecretKey, 'base64')])
      const stats = await resealSecrets(db, current, next)
      io.err(`Re-sealed ${stats.sources} source(s), ${stats.webhooks} webhook(s) and ${stats.sessions} network session(s) with key ${next.keyId}. Now set SECRET_KEY to the new key on every instance and restart them.`)
      return 0
    }
    const dir = resolve(config.database.dataDir)
    const nextPath = join(dir, NEXT_KEY_FILE)
    createKeyFile(nextPath, randomBytes(32)) // kept if a stopped rotation left one
    const both = loadSecretBox(config) // the next key first, the current one to open
    const stats = await resealSecrets(db, current, both)
    renameSync(nextPath, join(dir, KEY_FILE))
    rmSync(nextPath, { force: true })
    io.err(`Re-sealed ${stats.sources} source(s), ${stats.webhooks} webhook(s) and ${stats.sessions} network session(s) with key ${both.keyId}; ${join(dir, KEY_FILE)} now holds it.`)
    return 0
  })
}
