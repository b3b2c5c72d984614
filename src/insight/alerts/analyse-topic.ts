import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { AlertKind } from '../../platform/db/tables/alerts.ts'
import { emitWebhookEvent } from '../../tenancy/webhooks/events.ts'
import { detectSpikes, type HourCounts } from './detect-spikes.ts'
import { NEGATIVE_BELOW } from './negative.ts'
import { coverageStarts } from '../analytics/trends/trend-posts.ts'
import { alertSettingsOf, type AlertSettings } from './settings.ts'
import { ALERT_COLUMNS, alertToDto } from './dto.ts'

const HOUR_MS = 3_600_000
/** Complete hours examined at each run: posts arrive late, so an hour is looked at again for a day (a first run over older data may look further back). */
export const LOOKBACK_HOURS = 24

export interface AnalyseResult { hours: number; alerts: number }

/**
 * Looks for spikes in the topic's last complete hours, per network, stores each new alert (once:
 * unique per topic, network, kind and hour) and queues it for the workspace's webhooks.
 */
export async function analyseTopic(db: Kysely<DB>, topic: { id: string; name: string; workspaceId: string }, now: Date, options: { settings?: Partial<AlertSettings>; lookbackHours?: number } = {}): Promise<AnalyseResult> {
  const settings = { ...(await alertSettingsOf(db, topic.id)), ...options.settings }
  const lookback = options.lookbackHours ?? LOOKBACK_HOURS
  const end = Math.floor(now.getTime() / HOUR_MS) // first hour not complete
  const firstEvaluated = end - lookback
  const start = firstEvaluated - settings.baselineHours
  const { rows } = await sql<{ network: string; hour: number; volume: number; rated: number; negative: number }>`
    select p.network, floor(extract(epoch from tp.post_created_at) / 3600)::int as hour,
      count(*)::int as volume, count(p.sentiment)::int as rated, count(*) filter (where p.sentiment < ${NEGATIVE_BELOW})::int as negative
    from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topic.id} and tp.post_created_at >= ${new Date(start * HOUR_MS)} and tp.post_created_at < ${new Date(end * HOUR_MS)}
    group by 1, 2`.execute(db)
  const existing = await db
    .selectFrom('alerts').select(['network', 'kind', 'hour_start'])
    .where('topic_id', '=', topic.id).where('hour_start', '>=', new Date((firstEvaluated - settings.cooldownHours) * HOUR_MS))
    .execute()

  const coverage = await coverageStarts(db, topic.id)
  let created = 0
  for (const network of [...new Set(rows.map((r) => r.network))].sort()) {
    const series: HourCounts[] = Array.from({ length: end - start }, () => ({ volume: 0, rated: 0, negative: 0 }))
    for (const r of rows) if (r.network === network) series[r.hour - start] = { volume: r.volume, rated: r.rated, negative: r.negative }
    const before: Partial<Record<AlertKind, number[]>> = {}
    for (const a of existing.filter((e) => e.network === network)) (before[a.kind] ??= []).push(Math.round(a.hour_start.getTime() / HOUR_MS) - start)
    // Hours before collection covered this network are unknown, not silent.
    const covered = coverage.get(network)
    const coveredFrom = covered ? Math.max(0, Math.ceil(covered.getTime() / HOUR_MS) - start) : 0
    for (const spike of detectSpikes(series, firstEvaluated - start, settings, before, coveredFrom)) {
      const row = await db
        .insertInto('alerts')
        .values({
          topic_id: topic.id, network, kind: spike.kind, hour_start: new Date((start + spike.hour) * HOUR_MS), volume: spike.volume, negative_share: spike.negativeShare,
          observed: spike.observed, baseline_mean: spike.mean, baseline_stddev: spike.stddev, threshold: spike.threshold, k: settings.k,
          baseline_hours: spike.baselineHours, baseline_mentions: spike.baselineMentions, rated: spike.rated, baseline_rated: spike.baselineRated,
        })
        .onConflict((oc) => oc.columns(['topic_id', 'network', 'kind', 'hour_start']).doNothing())
        .returning(ALERT_COLUMNS)
        .executeTakeFirst()
      if (!row) continue
      created++
      await emitWebhookEvent(db, topic.workspaceId, 'alert.created', `alert:${row.id}`, { topicName: topic.name, ...alertToDto(row) }, now)
    }
  }
  return { hours: lookback, alerts: created }
}
