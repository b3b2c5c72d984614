import { z } from 'zod'

export const EDGE_KINDS = ['follow', 'reply', 'repost', 'quote', 'mention'] as const
export type EdgeKind = (typeof EDGE_KINDS)[number]

export const graphNodeSchema = z.object({
  id: z.string().describe('Relais account id'),
  handle: z.string(),
  network: z.string(),
  displayName: z.string().nullable(),
  url: z.string().nullable(),
  followersCount: z.number().int().nullable(),
  influence: z.number().describe('0–100 within the topic'),
  relay: z.number().describe('0–100 within the topic'),
  influenceRank: z.number().int(),
  relayRank: z.number().int(),
  community: z.number().int().describe('Louvain community'),
  prospect: z.boolean(),
})

export const graphEdgeSchema = z.object({
  source: z.string().describe('Node id: the account paying attention (follower, replier, reposter…)'),
  target: z.string(),
  kind: z.enum(EDGE_KINDS),
  weight: z.number().int().describe('Interactions of this kind in the scoring window; 1 for a follow.'),
  firstAt: z.iso.datetime().describe('First interaction, or when the follow was first seen.'),
  lastAt: z.iso.datetime().describe('Last interaction, or when the follow was last seen.'),
})

export const topicGraphSchema = z
  .object({
    scoreRun: z.object({ id: z.number().int(), computedAt: z.iso.datetime(), windowStart: z.iso.datetime() }).nullable().describe('The snapshot the nodes come from; null before the first scoring (then the graph is empty).'),
    nodes: z.array(graphNodeSchema).describe('Highest influence first.'),
    edges: z.array(graphEdgeSchema),
    truncated: z.object({ nodes: z.boolean(), edges: z.boolean() }).describe('Whether `limit` or `edgeLimit` cut the graph.'),
  })
  .meta({
    id: 'TopicGraph',
    example: {
      scoreRun: { id: 12, computedAt: '2026-11-20T06:00:00.000Z', windowStart: '2026-10-21T06:00:00.000Z' },
      nodes: [
        { id: '17', handle: 'lea@piaille.fr', network: 'mastodon', displayName: 'Léa', url: 'https://piaille.fr/@lea', followersCount: 312, influence: 100, relay: 42.5, influenceRank: 1, relayRank: 3, community: 0, prospect: false },
        { id: '23', handle: 'marc.bsky.social', network: 'bluesky', displayName: null, url: null, followersCount: null, influence: 61.2, relay: 88, influenceRank: 2, relayRank: 1, community: 1, prospect: true },
      ],
      edges: [{ source: '23', target: '17', kind: 'repost', weight: 3, firstAt: '2026-11-02T10:00:00.000Z', lastAt: '2026-11-18T21:40:00.000Z' }],
      truncated: { nodes: false, edges: false },
    },
  })

export type TopicGraph = z.infer<typeof topicGraphSchema>
export type GraphNode = z.infer<typeof graphNodeSchema>
export type GraphEdge = z.infer<typeof graphEdgeSchema>
