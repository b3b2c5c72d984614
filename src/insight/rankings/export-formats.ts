import { negotiate, type Offer } from '../../platform/shared/negotiate.ts'
import type { RankedAccount } from './dto.ts'

export const EXPORT_FORMATS = ['json', 'csv', 'ndjson'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const CSV_COLUMNS = [
  'rank', 'score', 'influence', 'relay', 'community', 'prospect', 'previous_rank', 'rank_change',
  'account_id', 'network', 'handle', 'display_name', 'url', 'followers',
  'page_rank', 'topic_posts', 'engagement', 'betweenness', 'cross_community', 'amplification', 'k_core',
  'audience', 'community_name', 'reasons',
] as const

export const csvHeader = () => `${CSV_COLUMNS.join(',')}\r\n`

/** RFC 4180 line; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function csvLine(item: RankedAccount): string {
  const a = item.account
  const c = item.components
  const cells = [
    item.rank, item.score, item.influence, item.relay, item.community, item.prospect, item.movement.previousRank, item.movement.change,
    a.id, a.network, a.handle, a.displayName, a.url, a.followersCount,
    c.pageRank, c.topicPosts, c.engagement, c.betweenness, c.crossCommunity, c.amplification, c.kCore,
    item.audience, item.communityName, item.reasons.join(' '),
  ]
  return `${cells.map(csvCell).join(',')}\r\n`
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const ndjsonLine = (item: RankedAccount) => `${JSON.stringify(item)}\n`

const OFFERS: Offer<ExportFormat>[] = [
  { format: 'json', mediaTypes: ['application/json'] },
  { format: 'csv', mediaTypes: ['text/csv'] },
  { format: 'ndjson', mediaTypes: ['application/x-ndjson', 'application/ndjson'] },
]

/** The format asked for: `?format=` wins, then what the Accept header prefers; JSON by default. */
export function negotiateFormat(format: ExportFormat | undefined, accept: string | undefined): ExportFormat | null {
  return format ?? negotiate(accept, OFFERS)
}
