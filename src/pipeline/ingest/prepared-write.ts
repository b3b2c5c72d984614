import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

/**
 * A write whose statement is built ahead (rows gathered, parameters serialised), to be run when
 * its turn comes: ingest builds the next batch's statements while the database is busy with the
 * batch before.
 */
export interface PreparedWrite<T> {
  run(db: Kysely<DB> | Transaction<DB>): Promise<T>
}
