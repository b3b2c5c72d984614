import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../../platform/shared/errors.ts'
import { cursorQuery, limitQuery } from '../../../platform/shared/cursor.ts'
import { problemResponses } from '../../problem.ts'
import { timestampQuery } from '../../timestamp-query.ts'
import { NETWORK_NAME_PATTERN } from '../../../platform/shared/network-names.ts'
import { FEED_SORTS } from '../../../insight/mentions/feed-cursor.ts'
import type { InboxService } from '../../../insight/mentions/inbox-service.ts'
import { handledStateSchema, INBOX_REASONS, inboxPageSchema, mentionPageSchema } from '../../../insight/mentions/schema.ts'
import type { MentionService } from '../../../insight/mentions/service.ts'

const params = z.object({ id: z.string().max(64).describe('Topic id') })
const network = z.string().regex(NETWORK_NAME_PATTERN).optional().describe('Only this network.')
const sentiment = z.coerce.number().min(-1).max(1).optional()

const feedQuery = z.strictObject({
  network,
  since: timestampQuery('Posts created at or after (ISO 8601).'),
  until: timestampQuery('Posts created before (ISO 8601).'),
  language: z.string().regex(/^[a-z]{2}$/).optional().describe('ISO 639-1 language of the post, e.g. fr.'),
  sentimentMin: sentiment.describe('Lowest sentiment (-1…1); posts without sentiment are left out when set.'),
  sentimentMax: sentiment.describe('Highest sentiment (-1…1).'),
  author: z.string().trim().min(1).max(200).optional().describe('An account id, or a handle (case-insensitive; prefix @ to force a handle made of digits).'),
  hashtag: z.string().trim().min(1).max(100).optional().describe('A hashtag, with or without #.'),
  hasQuestion: z.stringbool().optional().describe('true: questions only; false: no questions.'),
  q: z.string().trim().min(1).max(500).optional().describe('Full-text search in web-search syntax ("a phrase", OR, -word), stemmed in each post\'s language; singular and plural forms of each word match each other.'),
  sort: z.enum(FEED_SORTS).default('newest').describe('newest: by creation time; engaged: by likes + reposts + replies + quotes.'),
  limit: limitQuery(100, 50),
  cursor: cursorQuery,
})

const inboxQuery = z.strictObject({
  network,
  reason: z.enum(INBOX_REASONS).optional().describe('Only mentions with this reason.'),
  limit: limitQuery(100, 50),
  cursor: cursorQuery,
})

const handledParams = params.extend({ postId: z.string().max(20).describe('Post id, as in the mention\'s `id`') })

export const mentionRoutes: FastifyPluginAsyncZod<{ mentions: MentionService; inbox: InboxService }> = async (app, { mentions, inbox }) => {
  app.get('/topics/:id/mentions', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listMentions', tags: ['mentions'], summary: 'The topic\'s mention feed, filtered and paginated',
      params, querystring: feedQuery,
      response: { 200: mentionPageSchema, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, (req) => {
    const { sentimentMin, sentimentMax } = req.query
    if (sentimentMin !== undefined && sentimentMax !== undefined && sentimentMin > sentimentMax)
      throw new AppError('validation_failed', 'sentimentMin must not exceed sentimentMax.')
    return mentions.list(req.auth.workspaceId, req.params.id, req.query)
  })

  app.get('/topics/:id/inbox', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listInbox', tags: ['inbox'], summary: 'Mentions that need an answer and are not handled yet',
      description: 'Questions, negative mentions (sentiment below -0.3) and posts naming one of the topic\'s own accounts, by priority — reach × urgency × recency — grouped by conversation (the conversation of the highest priority first, its items together), each with its reasons and why it ranks where it does, in English and French. The 2,000 most recent unhandled mentions are ranked. The own accounts\' posts are left out.',
      params, querystring: inboxQuery,
      response: { 200: inboxPageSchema, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, (req) => inbox.list(req.auth.workspaceId, req.params.id, req.query))

  app.post('/topics/:id/inbox/:postId/handled', {
    config: { scope: 'write' },
    schema: {
      operationId: 'markInboxHandled', tags: ['inbox'], summary: 'Mark a mention handled: it leaves the inbox',
      description: 'Idempotent: marking it again keeps the first time.',
      params: handledParams,
      body: z.strictObject({}).nullish().describe('No fields; the body may be left out.'),
      response: { 200: handledStateSchema, ...problemResponses(400, 401, 403, 404, 413, 415, 429, 503) },
    },
  }, (req) => inbox.setHandled(req.auth.workspaceId, req.params.id, req.params.postId, true))

  app.delete('/topics/:id/inbox/:postId/handled', {
    config: { scope: 'write' },
    schema: {
      operationId: 'unmarkInboxHandled', tags: ['inbox'], summary: 'Put a handled mention back in the inbox',
      params: handledParams,
      response: { 200: handledStateSchema, ...problemResponses(401, 403, 404, 429, 503) },
    },
  }, (req) => inbox.setHandled(req.auth.workspaceId, req.params.id, req.params.postId, false))
}
