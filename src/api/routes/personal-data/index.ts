import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { NETWORK_NAME_PATTERN } from '../../../platform/shared/network-names.ts'
import { RETENTION_DAYS_MAX } from '../../../tenancy/personal-data/retention.ts'
import type { PersonalDataService } from '../../../tenancy/personal-data/service.ts'
import { problemResponses } from '../../problem.ts'

const tags = ['personal data']

const personParams = z.object({
  network: z.string().regex(NETWORK_NAME_PATTERN).describe('Network name, e.g. mastodon'),
  account: z.string().min(1).max(512).describe('The account\'s id on the network (user@host, a DID…) or its handle'),
})

const retentionSchema = z.object({
  retentionDays: z.number().int().min(1).max(RETENTION_DAYS_MAX).nullable()
    .describe('Posts and interactions older than this many days leave the workspace (the daily retention job); null keeps them'),
}).meta({ id: 'Retention', example: { retentionDays: 90 } })

const subjectAccessSchema = z.object({
  network: z.string(),
  account: z.string(),
  found: z.boolean(),
  profile: z.record(z.string(), z.unknown()).nullable(),
  posts: z.array(z.record(z.string(), z.unknown())),
  follows: z.object({ following: z.array(z.string()), followers: z.array(z.string()) }),
  interactions: z.array(z.record(z.string(), z.unknown())),
  topicMatches: z.array(z.object({ topicId: z.string(), postId: z.string(), matchedAt: z.string() })),
  scores: z.array(z.object({ topicId: z.string(), computedAt: z.string(), influence: z.number(), relay: z.number(), influenceRank: z.number(), relayRank: z.number() })),
}).meta({
  id: 'SubjectAccess',
  example: {
    network: 'mastodon', account: 'alice@example.social', found: true,
    profile: { network: 'mastodon', external_id: 'alice@example.social', handle: 'alice@example.social', display_name: 'Alice', bio: 'Vélotaf', url: 'https://example.social/@alice', followers_count: 120, following_count: 80, posts_count: 431, first_seen_at: '2026-11-02T08:00:00.000Z', last_seen_at: '2026-11-20T12:00:00.000Z' },
    posts: [{ external_id: 'https://example.social/users/alice/statuses/1', created_at: '2026-11-19T09:00:00.000Z', text: 'Le #velo en ville', lang: 'fr', url: 'https://example.social/@alice/1', likes: 3, reposts: 1, replies: 0, quotes: 0, collected_at: '2026-11-19T09:15:00.000Z' }],
    follows: { following: [], followers: [] },
    interactions: [{ kind: 'repost', role: 'to', other: 'bob@example.social', post: 'https://example.social/users/bob/statuses/9', occurred_at: '2026-11-19T10:00:00.000Z' }],
    topicMatches: [{ topicId: '6f1c2b9e-1d2a-4c55-9d8e-0a1b2c3d4e5f', postId: 'https://example.social/users/alice/statuses/1', matchedAt: '2026-11-19T09:15:00.000Z' }],
    scores: [{ topicId: '6f1c2b9e-1d2a-4c55-9d8e-0a1b2c3d4e5f', computedAt: '2026-11-20T12:00:00.000Z', influence: 71.5, relay: 12.2, influenceRank: 4, relayRank: 30 }],
  },
})

/** Retention setting, and what the workspace holds about a person (read, erase). Admin only. */
export const personalDataRoutes: FastifyPluginAsyncZod<{ personalData: PersonalDataService }> = async (app, { personalData }) => {
  app.get('/workspace/retention', {
    config: { scope: 'read' },
    schema: { operationId: 'getRetention', tags, summary: 'How long the workspace keeps posts and interactions', response: { 200: retentionSchema, ...problemResponses(401, 403, 429, 503) } },
  }, (req) => personalData.retention(req.auth.workspaceId))

  app.put('/workspace/retention', {
    config: { scope: 'admin' },
    schema: { operationId: 'setRetention', tags, summary: 'Set how long the workspace keeps posts and interactions (admin)', body: retentionSchema, response: { 200: retentionSchema, ...problemResponses(400, 401, 403, 413, 415, 429, 503) } },
  }, (req) => personalData.setRetention(req.auth.workspaceId, req.body.retentionDays))

  app.get('/people/:network/:account', {
    config: { scope: 'admin' },
    schema: { operationId: 'getPersonalData', tags, summary: 'What the workspace holds about a person (subject access, admin)', params: personParams, response: { 200: subjectAccessSchema, ...problemResponses(400, 401, 403, 429, 503) } },
  }, (req) => personalData.subjectAccess(req.auth.workspaceId, req.params))

  app.delete('/people/:network/:account', {
    config: { scope: 'admin' },
    schema: { operationId: 'erasePersonalData', tags, summary: 'Erase a person from the workspace (admin); everywhere when no other workspace holds them', params: personParams, response: { 204: z.null().describe('Erased from the workspace'), ...problemResponses(400, 401, 403, 429, 503) } },
  }, async (req, reply) => {
    await personalData.forget(req.auth.workspaceId, req.params)
    return reply.code(204).send(null)
  })
}
