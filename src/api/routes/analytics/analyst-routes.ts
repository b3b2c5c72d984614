import type { FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { createVersionedCache } from '../../../insight/analytics/cache/versioned-cache.ts'
import { createAnalyticsService } from '../../../insight/analytics/service.ts'
import { createGraphExportService } from '../../../insight/graph-export/service.ts'
import { createInboxService } from '../../../insight/mentions/inbox-service.ts'
import { createMentionService } from '../../../insight/mentions/service.ts'
import { graphExportRoutes } from '../graph-export/index.ts'
import { mentionRoutes } from '../mentions/index.ts'
import { mentionStreamRoutes, type LiveMentionOptions } from '../mentions/stream.ts'
import { analyticsRoutes } from './index.ts'

/** What analysts read of a topic: the mention feed (and its live stream) and inbox, analytics, the graph export. */
export const analystRoutes: FastifyPluginAsync<{ db: Kysely<DB>; liveMentions?: Partial<LiveMentionOptions> }> = async (app, { db, liveMentions }) => {
  await app.register(mentionRoutes, { mentions: createMentionService({ db }), inbox: createInboxService({ db }) })
  await app.register(mentionStreamRoutes, { db, ...(liveMentions && { options: liveMentions }) })
  await app.register(analyticsRoutes, { analytics: createAnalyticsService({ db, cache: createVersionedCache(db) }) })
  await app.register(graphExportRoutes, { graphs: createGraphExportService({ db }) })
}
