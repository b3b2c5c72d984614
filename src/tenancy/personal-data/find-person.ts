import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { Db } from '../../platform/db/db-handle.ts'


/** A person as a network names them: the network and the account's id there (or its handle). */
export interface PersonRef { network: string; account: string }

export interface FoundPerson { id: number; network: string; externalId: string; handle: string }

/**
 * The stored account of a person: by its network id (`alice@host` on Mastodon, a DID on
 * Bluesky…), else by its handle, compared without case and without a leading `@`.
 */
export async function findPerson(db: Db, ref: PersonRef): Promise<FoundPerson | null> {
  const byId = await db.selectFrom('accounts').select(['id', 'network', 'external_id', 'handle'])
    .where('network', '=', ref.network).where('external_id', '=', ref.account).executeTakeFirst()
  const handle = ref.account.replace(/^@/, '').toLowerCase()
  const row = byId ?? await db.selectFrom('accounts').select(['id', 'network', 'external_id', 'handle'])
    .where('network', '=', ref.network).where((eb) => eb(eb.fn('lower', ['handle']), '=', handle)).orderBy('id').executeTakeFirst()
  return row ? { id: row.id, network: row.network, externalId: row.external_id, handle: row.handle } : null
}
