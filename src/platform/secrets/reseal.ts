import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema.ts'
import { isSealed, type SecretBox } from './secret-box.ts'
import { credentialPurpose, SOURCE_SESSION_PURPOSE, WEBHOOK_SECRET_PURPOSE } from './stored-secrets.ts'

export interface ResealStats { sources: number; webhooks: number; sessions: number }

/**
 * Seals every stored secret with `to`: values still in plaintext (written before secrets were
 * encrypted) and values sealed with another key (`from` opens them). In one transaction, rows
 * locked, so a crash leaves either all old or all new. Rows already sealed with `to`'s key are left.
 */
export async function resealSecrets(db: Kysely<DB>, from: SecretBox, to: SecretBox): Promise<ResealStats> {
  return db.transaction().execute(async (trx) => ({
    sources: await resealSources(trx, from, to),
    webhooks: await resealWebhooks(trx, from, to),
    sessions: await resealSessions(trx, from, to),
  }))
}

const needsWork = (value: string, to: SecretBox) => !isSealed(value) || !value.startsWith(`sealed:v1:${to.keyId}:`)
const reseal = (value: string, purpose: string, from: SecretBox, to: SecretBox) => to.seal(isSealed(value) ? from.open(value, purpose) : value, purpose)

async function resealSources(trx: Transaction<DB>, from: SecretBox, to: SecretBox): Promise<number> {
  const rows = await trx.selectFrom('sources').select(['id', 'credentials']).forUpdate().execute()
  let changed = 0
  for (const row of rows) {
    const entries = Object.entries(row.credentials)
    if (!entries.some(([, value]) => needsWork(value, to))) continue
    const credentials = Object.fromEntries(entries.map(([name, value]) => [name, needsWork(value, to) ? reseal(value, credentialPurpose(name), from, to) : value]))
    await trx.updateTable('sources').set({ credentials }).where('id', '=', row.id).execute()
    changed++
  }
  return changed
}

async function resealWebhooks(trx: Transaction<DB>, from: SecretBox, to: SecretBox): Promise<number> {
  const rows = await trx.selectFrom('webhooks').select(['id', 'secret']).forUpdate().execute()
  let changed = 0
  for (const row of rows) {
    if (!needsWork(row.secret, to)) continue
    await trx.updateTable('webhooks').set({ secret: reseal(row.secret, WEBHOOK_SECRET_PURPOSE, from, to) }).where('id', '=', row.id).execute()
    changed++
  }
  return changed
}

/**
 * Network sessions (source_sessions) are sealed too: re-sealed, a rotation costs no login. A
 * session that no key opens any more is dropped instead of failing the rotation: it only costs
 * the next run one login, while its source's login history is kept.
 */
async function resealSessions(trx: Transaction<DB>, from: SecretBox, to: SecretBox): Promise<number> {
  const rows = await trx.selectFrom('source_sessions').select(['source_id', 'sealed']).where('sealed', 'is not', null).forUpdate().execute()
  let changed = 0
  for (const row of rows) {
    if (row.sealed === null || !needsWork(row.sealed, to)) continue
    let sealed: string | null
    try {
      sealed = reseal(row.sealed, SOURCE_SESSION_PURPOSE, from, to)
    } catch {
      sealed = null
    }
    await trx.updateTable('source_sessions').set({ sealed }).where('source_id', '=', row.source_id).execute()
    changed++
  }
  return changed
}
