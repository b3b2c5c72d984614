import { sql, type Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../platform/db/schema.ts'
import { notFound } from '../../platform/shared/errors.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import type { NamedCommunity } from '../scoring/name-communities.ts'

const memberSchema = z.object({ id: z.string(), network: z.string(), handle: z.string(), displayName: z.string().nullable() })

export const communityListSchema = z
  .object({
    computedAt: z.iso.datetime().nullable().describe('When the snapshot was computed; null before the first scoring.'),
    items: z.array(z.object({
      community: z.number().int().describe('The `community` number ranked items carry.'),
      name: z.string().describe('Its most distinctive hashtags and bio words (TF-IDF against the other communities), joined by " · "; empty when nothing sets it apart.'),
      terms: z.array(z.string()),
      size: z.number().int().describe('Accounts of the topic graph in it.'),
      networks: z.array(z.string()).describe('Networks its members are on: one, unless one person\'s two accounts (a Bridgy Fed bridge) link two.'),
      topMembers: z.array(memberSchema).describe('Its most influential members, best first (up to 5).'),
    })),
  })
  .meta({ id: 'CommunityList', example: {
    computedAt: '2026-11-24T10:40:00.000Z',
    items: [{ community: 3, name: '#velotaf · #cargobike · cycliste', terms: ['#velotaf', '#cargobike', 'cycliste'], size: 57, networks: ['mastodon'],
      topMembers: [{ id: '1042', network: 'mastodon', handle: 'noemie@piaille.fr', displayName: 'Noémie' }] }],
  } })
export type CommunityList = z.infer<typeof communityListSchema>

/** The named communities of a topic's latest snapshot (communities of 3 accounts or more), largest first. */
export async function topicCommunities(db: Kysely<DB>, workspaceId: string, topicId: string): Promise<CommunityList> {
  if (!isUuid(topicId)) throw notFound('The topic')
  const { rows } = await sql<{ computed_at: Date | null; communities: NamedCommunity[] | null }>`
    select r.computed_at, r.params->'communities' as communities from topics t
    left join lateral (select computed_at, params from score_runs where topic_id = t.id order by id desc limit 1) r on true
    where t.workspace_id = ${workspaceId} and t.id = ${topicId}`.execute(db)
  if (!rows[0]) throw notFound('The topic')
  const communities = rows[0].communities ?? []
  const ids = [...new Set(communities.flatMap((c) => c.topMembers))]
  const members = ids.length === 0 ? [] : (await sql<{ id: number; network: string; handle: string; display_name: string | null }>`
    select id, network, handle, display_name from accounts
    where id in (select value::bigint from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`.execute(db)).rows
  const byId = new Map(members.map((m) => [Number(m.id), { id: String(m.id), network: m.network, handle: m.handle, displayName: m.display_name }]))
  return {
    computedAt: rows[0].computed_at?.toISOString() ?? null,
    items: communities.map((c) => ({
      community: c.id, name: c.name, terms: c.terms, size: c.size, networks: c.networks,
      topMembers: c.topMembers.flatMap((id) => byId.get(Number(id)) ?? []),
    })),
  }
}
