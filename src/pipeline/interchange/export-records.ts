import type { Kysely } from 'kysely'
import type { Writable } from 'node:stream'
import type { DB } from '../../platform/db/schema.ts'
import { accountPage, followPage, postPage, type Page } from './export-pages.ts'
import { selectExport } from './export-selection.ts'
import { formatRecord } from './format-record.ts'
import type { InterchangeRecord } from './records.ts'
import { streamWriter } from './stream-writer.ts'

export interface ExportStats { accounts: number; posts: number; follows: number }

export interface ExportOptions {
  pageSize?: number
  onProgress?(stats: Readonly<ExportStats>): void
}

/**
 * Writes the workspace's accounts, then posts, then follows as NDJSON (see `selectExport` for what
 * and in which order). One repeatable-read transaction gives a consistent snapshot while
 * collection goes on; pages of `pageSize` rows are written as they come, waiting on the output.
 */
export async function exportRecords(db: Kysely<DB>, workspaceId: string, out: Writable, options: ExportOptions = {}): Promise<ExportStats> {
  const pageSize = options.pageSize ?? 1000
  const stats: ExportStats = { accounts: 0, posts: 0, follows: 0 }
  const writer = streamWriter(out)
  try {
    await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      await selectExport(trx, workspaceId)
      const sections: [keyof ExportStats, (after: number) => Promise<Page<InterchangeRecord>>][] = [
        ['accounts', (after) => accountPage(trx, after, pageSize)],
        ['posts', (after) => postPage(trx, after, pageSize)],
        ['follows', (after) => followPage(trx, after, pageSize)],
      ]
      for (const [kind, nextPage] of sections) {
        for (let after = 0; ;) {
          const page = await nextPage(after)
          if (page.records.length === 0) break
          await writer.write(page.records.map((r) => `${formatRecord(r)}\n`).join(''))
          stats[kind] += page.records.length
          options.onProgress?.(stats)
          after = page.last
        }
      }
    })
  } finally {
    writer.release()
  }
  return stats
}
