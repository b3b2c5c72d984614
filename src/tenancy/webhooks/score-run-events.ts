import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { emitWebhookEvent } from './events.ts'

/** Score runs older than this are not announced any more (a webhook created today gets no backlog). */
const LOOKBACK_MS = 24 * 3_600_000

/**
 * Queues score_run.finished for the workspace's recent score runs that no webhook heard of yet.
 * Scoring does not know about webhooks; this catches up on what it wrote, idempotently (the event
 * key is the run id), so a run is announced once whichever instance notices it.
 */
export async function announceScoreRuns(db: Kysely<DB>, workspaceId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOOKBACK_MS)
  const { rows } = await sql<{ id: number; topic_id: string; topic_name: string; computed_at: Date; coverage: Record<string, unknown> }>`
    select r.id, r.topic_id, t.name as topic_name, r.computed_at, r.coverage
    from score_runs r join topics t on t.id = r.topic_id
    where t.workspace_id = ${workspaceId} and r.computed_at >= ${since} and r.computed_at <= ${now}
      and exists (
        select 1 from webhooks w where w.workspace_id = ${workspaceId} and w.active and 'score_run.finished' = any(w.events) and w.created_at <= r.computed_at
          and not exists (select 1 from webhook_deliveries d where d.webhook_id = w.id and d.event_key = 'score_run:' || r.id::text))
    order by r.id`.execute(db)
  let queued = 0
  for (const r of rows) {
    queued += await emitWebhookEvent(db, workspaceId, 'score_run.finished', `score_run:${r.id}`, {
      topicId: r.topic_id, topicName: r.topic_name, scoreRunId: r.id, computedAt: r.computed_at.toISOString(), coverage: r.coverage,
    }, now)
  }
  return queued
}
