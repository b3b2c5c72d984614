import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { cursorQuery } from '../../../platform/shared/cursor.ts'
import { limitQuery } from '../../../platform/shared/list-limits.ts'
import { problemResponses } from '../../problem.ts'
import { RANKINGS, REASON_LANGUAGES, rankingFiltersSchema, rankingPageSchema, type Ranking } from '../../../insight/rankings/dto.ts'
import { EXPORT_FORMATS } from '../../../insight/rankings/export-formats.ts'
import { rankingRepresentation } from '../../../insight/rankings/representation.ts'
import { RANKED_LIST_OFFERS } from '../../representation/offers.ts'
import { represent } from '../../representation/represent.ts'
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
          limit: limitQuery('ranking'), cursor: cursorQuery, format: z.enum(EXPORT_FORMATS).optional(),
          lang: z.enum(REASON_LANGUAGES).default('en').describe('Language of `reasons` and `note`: en (default) or fr.'),
        }),
        produces: ['application/json', 'text/csv', 'application/x-ndjson'],
        response: { 200: rankingPageSchema, 304: z.null().describe('Not modified since the ETag given'), ...problemResponses(400, 401, 403, 404, 406, 429, 503) },
      },
    }, async (req, reply) => {
      const { limit, cursor, format, lang, ...filters } = req.query
      return represent(req, reply, RANKED_LIST_OFFERS, (chosen) =>
        rankingRepresentation(rankings, req.auth.workspaceId, req.params.id, ranking, chosen, { filters, limit, cursor, lang }), format)

    })
  }
}
