import type { Kysely } from 'kysely'
import type { Config } from '../config/index.ts'
import type { DB } from '../db/schema.ts'
import { resealSecrets } from './reseal.ts'
import type { SecretBox } from './secret-box.ts'
import { loadSecretBox } from './secret-keys.ts'

/**
 * The process's secret box, after sealing whatever is still stored in plaintext (rows written
 * before secrets were encrypted at rest): run at start by the commands that use secrets, after
 * the schema migrations. Idempotent: sealed values are left as they are.
 */
export async function openSecrets(db: Kysely<DB>, config: Pick<Config, 'secretKey' | 'database'>): Promise<SecretBox> {
  const box = loadSecretBox(config)
  await resealSecrets(db, box, box)
  return box
}
