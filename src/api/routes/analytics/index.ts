import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { NETWORK_NAME_PATTERN } from '../../../platform/shared/network-names.ts'
import { problemResponses } from '../../problem.ts'
import { timestampQuery } from '../../timestamp-query.ts'
import type { AnalyticsService } from '../../../insight/analytics/service.ts'
import { topicStatsSchema } from '../../../insight/analytics/stats/schema.ts'
import { topicTrendsSchema, TREND_WINDOW_PATTERN } from '../../../insight/analytics/trends/schema.ts'
import { networkFitSchema } from '../../../insight/analytics/network-fit/schema.ts'
import { bestHoursSchema } from '../../../insight/analytics/best-hours/schema.ts'
import { timeZoneQuery } from '../../../insight/analytics/best-hours/time-zone.ts'
import { sendVersioned } from './send-versioned.ts'

const params = z.object({ id: z.string().max(64).describe('Topic id') })
const tags = ['analytics']
const since = timestampQuery('Start (inclusive, ISO 8601). Default: depends on the analysis, counted back from `until`.')
const until = timestampQuery('End (exclusive, ISO 8601). Default: the end of the current hour.')
const network = z.string().regex(NETWORK_NAME_PATTERN).optional().describe('Only this network.')
const notModified = z.null().describe('Not modified: the ETag sent in If-None-Match is still current.')
const caching = 'Responses carry an ETag derived from the topic\'s data (posts matched, latest score run): send it back in If-None-Match to get 304 until the next ingest or scoring.'

export const analyticsRoutes: FastifyPluginAsyncZod<{ analytics: AnalyticsService }> = async (app, { analytics }) => {
  app.get('/topics/:id/stats', {
    config: { scope: 'read' },
    schema: {
      operationId: 'getTopicStats', tags, summary: 'Volume, authors, engagement, sentiment and week-over-week figures of a topic',
      description: `Buckets are UTC days or hours. Default range: the last 30 days (7 for hours); at most 366 days (31 for hours). ${caching}`,
      params,
      querystring: z.strictObject({ since, until, granularity: z.enum(['day', 'hour']).default('day').describe('Volume bucket size.') }),
      response: { 200: topicStatsSchema, 304: notModified, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, async (req, reply) => sendVersioned(req, reply, await analytics.stats(req.auth.workspaceId, req.params.id, req.query)))

  app.get('/topics/:id/trends', {
    config: { scope: 'read' },
    schema: {
      operationId: 'getTopicTrends', tags, summary: 'Hashtags and words rising against their own baseline, per network',
      description: `Counts posts using each hashtag and each word (accents, case and word endings folded; shown as people wrote it most) in the recent window against its share of the posts of the 4 windows before, counted only from when collection covered the network. Stopwords, numbers, times, links and the topic's own query terms are left out. ${caching}`,
      params,
      querystring: z.strictObject({
        window: z.string().regex(TREND_WINDOW_PATTERN).default('7d').describe('Recent window: 1h to 30d, e.g. 24h or 7d.'),
        until: timestampQuery('End of the recent window (exclusive). Default: the end of the current hour.'),
        network,
        minCount: z.coerce.number().int().min(1).max(10_000).default(3).describe('Posts needed in the recent window.'),
        minScore: z.coerce.number().min(0).max(1000).default(2).describe('Score needed to count as rising.'),
        limit: z.coerce.number().int().min(1).max(50).default(10).describe('Hashtags (and terms) per network (1–50).'),
      }),
      response: { 200: topicTrendsSchema, 304: notModified, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, async (req, reply) => sendVersioned(req, reply, await analytics.trends(req.auth.workspaceId, req.params.id, req.query)))

  app.get('/topics/:id/network-fit', {
    config: { scope: 'read' },
    schema: {
      operationId: 'getTopicNetworkFit', tags, summary: 'Which networks the topic\'s conversation lives on, ranked, with reasons',
      description: `Per network: volume, unique authors, engagement per post, density of the latest snapshot's top influencers, growth week over week. Default range: the last 30 days. ${caching}`,
      params,
      querystring: z.strictObject({ since, until }),
      response: { 200: networkFitSchema, 304: notModified, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, async (req, reply) => sendVersioned(req, reply, await analytics.networkFit(req.auth.workspaceId, req.params.id, req.query)))

  app.get('/topics/:id/best-hours', {
    config: { scope: 'read' },
    schema: {
      operationId: 'getTopicBestHours', tags, summary: 'Engagement by hour of the week in a time zone, with the best hours to post',
      description: `Default range: the last 90 days. ${caching}`,
      params,
      querystring: z.strictObject({
        since, until, network, tz: timeZoneQuery,
        minPosts: z.coerce.number().int().min(1).max(10_000).default(3).describe('Posts a slot needs to be ranked.'),
      }),
      response: { 200: bestHoursSchema, 304: notModified, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, async (req, reply) => sendVersioned(req, reply, await analytics.bestHours(req.auth.workspaceId, req.params.id, req.query)))
}
