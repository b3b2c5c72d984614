import type { Kysely, Transaction } from 'kysely'
import type { DB } from './schema.ts'

/** The database, or a transaction a caller opened: services take either, callers own transactions. */
export type Db = Kysely<DB> | Transaction<DB>
