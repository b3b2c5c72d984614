import { z } from 'zod'
import { NETWORK_NAME_PATTERN } from '../../platform/shared/network-names.ts'
import type { TopicRow } from '../../platform/db/tables/topics.ts'

const network = z.string().regex(NETWORK_NAME_PATTERN, 'a network name such as mastodon, bluesky, reddit, x')
const language = z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as en or fr')
const handle = z.string().trim().min(1).max(200)

export const topicInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).describe('Unique within the workspace.'),
    query: z.string().trim().min(1).max(1000).describe('Topic query: words, "phrases", #hashtags, @handles, lang:xx, network:name, AND/OR/NOT, parentheses.'),
    networks: z.array(network).max(20).default([]).describe('Networks to collect from; empty means every configured network.'),
    languages: z.array(language).max(20).default([]).describe('Languages to keep; empty means all.'),
    ownAccounts: z
      .record(network, z.array(handle).max(50))
      .default({})
      .describe('The brand\'s own accounts per network, e.g. {"mastodon": ["brand@example.social"]}.'),
  })
  .meta({ id: 'NewTopic', example: { name: 'Vélo en ville', query: '(#velo OR vélotaf) lang:fr -#pub', networks: ['mastodon', 'bluesky'], languages: ['fr'], ownAccounts: { mastodon: ['velocite@piaille.fr'] } } })

export const topicPatchSchema = topicInputSchema.partial().meta({ id: 'TopicChanges', example: { languages: ['fr', 'en'] } })

const TOPIC_EXAMPLE = { id: '7d3f1f0e-2c1b-4b8a-9a52-1f0d6a3c9b11', name: 'Vélo en ville', query: '(#velo OR vélotaf) lang:fr -#pub', networks: ['mastodon', 'bluesky'], languages: ['fr'], ownAccounts: { mastodon: ['velocite@piaille.fr'] }, createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z' }

export const topicSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: z.string(),
    networks: z.array(z.string()),
    languages: z.array(z.string()),
    ownAccounts: z.record(z.string(), z.array(z.string())),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Topic', example: TOPIC_EXAMPLE })

export type TopicInput = z.infer<typeof topicInputSchema>
export type TopicPatch = z.infer<typeof topicPatchSchema>
export type Topic = z.infer<typeof topicSchema>

export function topicToDto(row: Pick<TopicRow, 'id' | 'name' | 'query' | 'networks' | 'languages' | 'own_accounts' | 'created_at' | 'updated_at'>): Topic {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    networks: row.networks,
    languages: row.languages,
    ownAccounts: row.own_accounts,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}
