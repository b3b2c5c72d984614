import { z } from 'zod'
import { ALERT_KINDS, type AlertRow } from '../../platform/db/tables/alerts.ts'

export const alertSchema = z
  .object({
    id: z.number().int(),
    topicId: z.uuid(),
    network: z.string(),
    kind: z.enum(ALERT_KINDS).describe('volume: unusually many mentions; negative: an unusual share of negative mentions.'),
    hourStart: z.iso.datetime().describe('The hour (UTC) that spiked.'),
    volume: z.number().int().describe('Mentions in that hour.'),
    negativeShare: z.number().describe('Share (0–1) of the hour\'s mentions with a sentiment that are negative.'),
    observed: z.number().describe('The value that spiked: mentions (volume) or negative share (negative).'),
    baseline: z.object({
      mean: z.number(),
      stddev: z.number(),
      threshold: z.number().describe('mean + k·σ: the value the hour went above.'),
      k: z.number(),
    }),
    sample: z.object({
      baselineHours: z.number().int().describe('Hours of baseline since collection began (at least 24 for any alert).'),
      baselineMentions: z.number().int(),
      rated: z.number().int().describe('Mentions of the hour with a sentiment.'),
      baselineRated: z.number().int().describe('Mentions of the baseline with a sentiment (at least 30 for a negative alert).'),
    }).nullable().describe('What the alert was judged on; null on alerts stored before sample sizes were kept.'),
    createdAt: z.iso.datetime(),
  })
  .meta({
    id: 'Alert',
    example: {
      id: 7, topicId: '7d3f3c9e-8a57-4c1f-9a0e-2f4d51f0c2a1', network: 'mastodon', kind: 'negative', hourStart: '2026-11-20T11:00:00.000Z', volume: 15,
      negativeShare: 0.6, observed: 0.6, baseline: { mean: 0.14, stddev: 0.09, threshold: 0.41, k: 3 },
      sample: { baselineHours: 168, baselineMentions: 840, rated: 15, baselineRated: 790 }, createdAt: '2026-11-20T12:05:01.000Z',
    },
  })

export type Alert = z.infer<typeof alertSchema>

export const ALERT_COLUMNS = ['id', 'topic_id', 'network', 'kind', 'hour_start', 'volume', 'negative_share', 'observed', 'baseline_mean', 'baseline_stddev', 'threshold', 'k', 'baseline_hours', 'baseline_mentions', 'rated', 'baseline_rated', 'created_at'] as const

export function alertToDto(r: Pick<AlertRow, (typeof ALERT_COLUMNS)[number]>): Alert {
  return {
    id: r.id, topicId: r.topic_id, network: r.network, kind: r.kind, hourStart: r.hour_start.toISOString(), volume: r.volume,
    negativeShare: r.negative_share, observed: r.observed,
    baseline: { mean: r.baseline_mean, stddev: r.baseline_stddev, threshold: r.threshold, k: r.k },
    sample: r.baseline_hours === null || r.baseline_mentions === null || r.rated === null || r.baseline_rated === null
      ? null : { baselineHours: r.baseline_hours, baselineMentions: r.baseline_mentions, rated: r.rated, baselineRated: r.baseline_rated },
    createdAt: r.created_at.toISOString(),
  }
}
