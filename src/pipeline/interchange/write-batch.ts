import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { storeBatch } from '../ingest/ingest-batch.ts'
import { prepareBatch, type PreparedBatch } from '../ingest/prepare-batch.ts'
import type { TopicMatcher } from '../ingest/topic-matchers.ts'
import { upsertFollows } from '../ingest/upsert-follows.ts'
import { recordImports } from './record-imports.ts'
import type { AccountRecord, FollowRecord, InterchangeRecord, PostRecord } from './records.ts'
import { toAccount, toFollow, toPost } from './to-normalized.ts'

export interface NumberedRecord { line: number; record: InterchangeRecord }
export interface RejectedLine { line: number; reason: string }

export interface ImportTarget {
  db: Kysely<DB>
  workspaceId: string
  /** The workspace's topics: imported posts join their feeds like collected ones. */
  matchers: readonly TopicMatcher[]
}

/** A batch of records with what ingest computes before the database: ready for `writeBatch`. */
export interface PreparedRecords {
  records: readonly NumberedRecord[]
  ingest: PreparedBatch
  accounts: AccountRecord[]
  posts: PostRecord[]
  follows: FollowRecord[]
}

/** Enrichment and topic matching of a batch: done while the batch before it is being written. */
export async function prepareRecords(records: readonly NumberedRecord[], matchers: readonly TopicMatcher[]): Promise<PreparedRecords> {
  const accounts: AccountRecord[] = []
  const posts: PostRecord[] = []
  const follows: FollowRecord[] = []
  for (const { record } of records) {
    if (record.type === 'account') accounts.push(record)
    else if (record.type === 'post') posts.push(record)
    else follows.push(record)
  }
  const ingest = await prepareBatch({ accounts: accounts.map(toAccount), posts: posts.map(toPost) }, matchers)
  return { records, ingest, accounts, posts, follows }
}

/**
 * Stores a batch in one transaction through the ingest path. Validation lets through only values
 * the database accepts; should the database still refuse a batch over its data, the batch is
 * retried line by line so only the offending lines are skipped. Other failures (connection lost,
 * disk full) are thrown: the file cannot be processed.
 */
export async function writeBatch(target: ImportTarget, batch: PreparedRecords): Promise<RejectedLine[]> {
  try {
    await withRetry(() => storeRecords(target, batch))
    return []
  } catch (error) {
    if (!isDataError(error)) throw error
    if (batch.records.length === 1) return [{ line: batch.records[0].line, reason: `refused by the database (${(error as Error).message})` }]
  }
  const rejected: RejectedLine[] = []
  for (const one of batch.records) rejected.push(...(await writeBatch(target, await prepareRecords([one], target.matchers))))
  return rejected
}

async function storeRecords({ db, workspaceId }: ImportTarget, { ingest, accounts, posts, follows }: PreparedRecords): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await storeBatch(trx, ingest)
    await upsertFollows(trx, follows.map(toFollow))
    await recordImports(trx, workspaceId, { accounts, posts, follows })
  })
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation). */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && /^2[23]/.test(code)
}

/** A deadlock or serialization failure against concurrent collection is worth another try. */
async function withRetry(fn: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw error
    }
  }
}
