import { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../../platform/shared/errors.ts'
import { etagOf, ifNoneMatchHits } from '../../../platform/shared/etag.ts'
import { cursorQuery, limitQuery } from '../../../platform/shared/cursor.ts'
import { problemResponses } from '../../problem.ts'
import { RANKINGS, REASON_LANGUAGES, rankingFiltersSchema, rankingPageSchema, type Ranking } from '../../../insight/rankings/dto.ts'
import { csvHeader, csvLine, EXPORT_FORMATS, ndjsonLine, negotiateFormat } from '../../../insight/rankings/export-formats.ts'
import type { RankingService } from '../../../insight/rankings/service.ts'

const SUMMARIES: Record<Ranking, string> = {
  influencers: 'Accounts ranked by influence on the topic (topic-sensitive PageRank)',
  relays: 'Accounts ranked as relays: they pass on-topic content on (reposts, quotes) across communities; an account that passed nothing on is not listed',
  prospects: 'Accounts active on the topic, among the top influencers or relays, with no tie yet to the topic\'s own accounts (ranked 1..n in their own list)',
}
const OPERATION_IDS: Record<Ranking, string> = { influencers: 'listInfluencers', relays: 'listRelays', prospects: 'listProspects' }

export const rankingRoutes: FastifyPluginAsyncZod<{ rankings: RankingService }> = async (app, { rankings }) => {
  for (const ranking of RANKINGS) {
    app.get(`/topics/:id/${ranking}`, {
      config: { scope: 'read' },
      schema: {
        operationId: OPERATION_IDS[ranking], tags: ['rankings'], summary: SUMMARIES[ranking],
        description:
          'Each item carries its rank, its 0–100 score, the components the score was computed from, and its movement since the previous snapshot, or with `period=day|week|month` since the snapshot nearest the period\'s start. ' +
          'With `Accept: text/csv` or `application/x-ndjson` (or `?format=csv|ndjson`) the whole filtered list is streamed. ' +
          'Responses carry an ETag that changes only when a new scoring lands (or a person is erased). ' +
          'Every item says why it ranks there (`reasons`), in English by default or in French with `lang=fr`; the `note` follows `lang` too.',
        params: z.object({ id: z.string().max(64) }),
        querystring: rankingFiltersSchema.extend({
          limit: limitQuery(500, 50), cursor: cursorQuery, format: z.enum(EXPORT_FORMATS).optional(),
          lang: z.enum(REASON_LANGUAGES).default('en').describe('Language of `reasons` and `note`: en (default) or fr.'),
        }),
        produces: ['application/json', 'text/csv', 'application/x-ndjson'],
        response: { 200: rankingPageSchema, 304: z.null().describe('Not modified since the ETag given'), ...problemResponses(400, 401, 403, 404, 406, 429, 503) },
      },
    }, async (req, reply) => {
      const { id } = req.params
      const { limit, cursor, format: asked, lang, ...filters } = req.query
      const format = negotiateFormat(asked, req.headers.accept)
      if (!format) throw new AppError('not_acceptable', 'This list is available as application/json, text/csv or application/x-ndjson.')
      // The snapshot is looked up once: for the ETag, then for the page or the export.
      const snapshot = await rankings.snapshot(req.auth.workspaceId, id, format === 'json' ? cursor : undefined)
      const version = snapshot.latestRunId
      const etag = etagOf(JSON.stringify([version, snapshot.topicUpdatedAt, ranking, format, filters, limit, cursor ?? '', lang]))
      reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'Accept, Authorization, Cookie')
      if (version !== null && ifNoneMatchHits(req.headers['if-none-match'], etag)) return reply.status(304).send(null)
      // Sent as the JSON it was encoded to (through rankingPageSchema) when the page was first asked for.
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(await rankings.pageJson(snapshot, ranking, filters, limit, lang) as never)

      const items = rankings.all(snapshot, ranking, filters, lang)
      const lines = format === 'csv'
        ? (async function* () { yield csvHeader(); for await (const item of items) yield csvLine(item) })()
        : (async function* () { for await (const item of items) yield ndjsonLine(item) })()
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${ranking}.${format}"`)
        // A stream is sent as it is, past the JSON response schema.
        .send(Readable.from(lines) as never)
    })
  }
}
