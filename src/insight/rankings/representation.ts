import { etagOf } from '../../platform/shared/etag.ts'
import { encodedJson, streamed, type Rendered, type Versioned } from '../../platform/shared/versioned.ts'
import type { RankedAccount, Ranking, RankingFilters, ReasonLanguage } from './dto.ts'
import { csvHeader, csvLine, ndjsonLine, type ExportFormat } from './export-formats.ts'
import type { RankingService } from './service.ts'

export interface RankingAsk { filters: RankingFilters; limit: number; cursor?: string; lang: ReasonLanguage }

/**
 * A ranked list in the format asked for, at the version of the topic's latest snapshot: a page as
 * the JSON encoded once per snapshot, or the whole filtered list as CSV or NDJSON, read page by
 * page as it is sent. The snapshot is looked up once, for the version and then for the body. No
 * version before the first scoring.
 */
export async function rankingRepresentation(
  rankings: RankingService, workspaceId: string, topicId: string, ranking: Ranking, format: ExportFormat, ask: RankingAsk,
): Promise<Versioned<Rendered>> {
  const { filters, limit, cursor, lang } = ask
  const snapshot = await rankings.snapshot(workspaceId, topicId, format === 'json' ? cursor : undefined)
  const version = snapshot.latestRunId
  return {
    etag: version === null ? null : etagOf(JSON.stringify([version, snapshot.topicUpdatedAt, ranking, format, filters, limit, cursor ?? '', lang])),
    async result() {
      if (format === 'json') return encodedJson(await rankings.pageJson(snapshot, ranking, filters, limit, lang))
      const items = rankings.all(snapshot, ranking, filters, lang)
      return streamed(format === 'csv' ? csvLines(items) : ndjsonLines(items), `${ranking}.${format}`)
    },
  }
}

async function* csvLines(items: AsyncIterable<RankedAccount>): AsyncGenerator<string> {
  yield csvHeader()
  for await (const item of items) yield csvLine(item)
}

async function* ndjsonLines(items: AsyncIterable<RankedAccount>): AsyncGenerator<string> {
  for await (const item of items) yield ndjsonLine(item)
}
