import { z } from 'zod'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { STREAMING_NETWORKS } from '../../pipeline/stream/network-readers.ts'

// A source's live collection as its workspace sees it: whether it is to be streamed, whether a
// process reads it now, how far behind the last stored event is, and why it cannot be read (from
// the source's lease row, written by the readers).

export const sourceStreamingSchema = z.object({
  enabled: z.boolean().describe('The source is to be read live (its settings say streaming "on").'),
  reading: z.boolean().describe('A running `relais stream` or `relais serve` reads it now (holds its lease).'),
  lastEventAt: z.iso.datetime().nullable().describe('Time of the newest event stored from the stream; null before any.'),
  lagSeconds: z.number().nonnegative().nullable().describe('Now minus lastEventAt, while the source is enabled; null otherwise.'),
  lastError: z.object({ message: z.string(), at: z.iso.datetime() }).nullable().describe('Why the stream cannot be read now, as the reader last said; null once it reads again.'),
}).nullable().describe('Live collection of the source; null for a network that has no live stream.')
  .meta({ id: 'SourceStreaming' })

export type SourceStreaming = z.infer<typeof sourceStreamingSchema>

export interface StreamLeaseView {
  cursor_us: number | string | null
  /** A process holds the lease now (by the database's clock). */
  held: boolean
  last_error: string | null
  last_error_at: Date | null
}

export const streamsOnNetwork = (network: string) => STREAMING_NETWORKS.includes(network)

/** The lease rows of the given sources of the workspace, by source id. */
export async function streamLeasesOf(db: Kysely<DB>, workspaceId: string, sourceIds: string[]): Promise<Map<string, StreamLeaseView>> {
  if (sourceIds.length === 0) return new Map()
  const rows = await db.selectFrom('stream_leases').select(['source_id', 'cursor_us', 'last_error', 'last_error_at', sql<boolean>`expires_at > now()`.as('held')])
    .where('workspace_id', '=', workspaceId).where('source_id', 'in', sourceIds).execute()
  return new Map(rows.map((row) => [row.source_id, row]))
}

export function streamStateOf(source: { network: string; settings: Record<string, string> }, lease: StreamLeaseView | undefined, now: Date): SourceStreaming {
  if (!streamsOnNetwork(source.network)) return null
  const enabled = source.settings.streaming === 'on'
  // The cursor is bigint in PostgreSQL: it may come back as a string.
  const cursorUs = lease?.cursor_us === null || lease?.cursor_us === undefined ? null : Number(lease.cursor_us)
  const lastEventMs = cursorUs === null || cursorUs <= 0 ? null : Math.floor(cursorUs / 1000)
  return {
    enabled,
    reading: enabled && lease?.held === true,
    lastEventAt: lastEventMs === null ? null : new Date(lastEventMs).toISOString(),
    lagSeconds: enabled && lastEventMs !== null ? Math.max(0, Math.round((now.getTime() - lastEventMs) / 100) / 10) : null,
    lastError: lease?.last_error && lease.last_error_at ? { message: lease.last_error, at: lease.last_error_at.toISOString() } : null,
  }
}
