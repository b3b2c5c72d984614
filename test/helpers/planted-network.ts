import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import { upsertFollows } from '../../src/pipeline/ingest/upsert-follows.ts'
import type { NormalizedAccount, NormalizedFollow, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { buildTestApp } from './app.ts'

// A network with a planted structure: two communities A and B that only the bridge X links, a
// hub H whom community A follows and reposts, an account O that posts mostly off-topic, and the
// brand's own account, which follows a few of A.
export const PLANTED_NOW = new Date('2026-11-20T12:00:00Z')
export const A = Array.from({ length: 10 }, (_, i) => `a${i}`)
export const B = Array.from({ length: 10 }, (_, i) => `b${i}`)
export const handleOf = (id: string) => `${id}@test.example`

const account = (id: string, followers: number): NormalizedAccount => ({ network: 'mastodon', externalId: handleOf(id), handle: handleOf(id), displayName: id.toUpperCase(), bio: null, url: `https://test.example/@${id}`, followersCount: followers, followingCount: 10, postsCount: 10 })
const follow = (from: string, to: string): NormalizedFollow => ({ network: 'mastodon', followerExternalId: handleOf(from), followeeExternalId: handleOf(to) })

export async function plantNetwork(db: Kysely<DB>, workspaceId: string, topicName = 'Vélo'): Promise<{ topicId: string }> {
  const topic = await db
    .insertInto('topics')
    .values({ workspace_id: workspaceId, name: topicName, query: '#velo OR vélo', own_accounts: { mastodon: [handleOf('brand')] } })
    .returning(['id', 'query', 'networks', 'languages'])
    .executeTakeFirstOrThrow()
  let seq = 0
  const post = (author: string, text: string, extra: Partial<NormalizedPost> = {}): NormalizedPost => ({
    network: 'mastodon', externalId: `https://test.example/s/${workspaceId}/${++seq}`, authorExternalId: handleOf(author),
    createdAt: new Date(PLANTED_NOW.getTime() - (seq % 72) * 3_600_000), text, lang: 'fr', url: null,
    replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
    likes: 1, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [], ...extra,
  })
  const accounts = [...A, ...B, 'H', 'X', 'O', 'brand'].map((id, i) => account(id, id === 'O' ? 50_000 : 100 + i))
  const hubPosts = [post('H', 'Le #velo en ville, mode d\'emploi'), post('H', 'Pistes cyclables : le #velo gagne'), post('H', 'Mon vélo et moi #velo')]
  const posts: NormalizedPost[] = [...hubPosts]
  for (const id of [...A, ...B]) posts.push(post(id, `Sortie #velo du jour (${id})`), post(id, `Encore du vélo pour ${id}`))
  A.slice(0, 8).forEach((id, i) => posts.push(post(id, '', { repostOfExternalId: hubPosts[i % 3].externalId })))
  const bPosts = posts.filter((p) => p.authorExternalId?.startsWith('b'))
  const aPosts = posts.filter((p) => p.authorExternalId?.startsWith('a'))
  posts.push(post('X', 'Le #velo relie nos deux quartiers'))
  posts.push(post('X', '', { repostOfExternalId: aPosts[0].externalId }), post('X', '', { repostOfExternalId: bPosts[0].externalId }))
  posts.push(post('X', 'Bien dit ! #velo', { replyToExternalId: bPosts[2].externalId, replyToAuthorExternalId: bPosts[2].authorExternalId }))
  posts.push(post('O', 'Un petit #velo quand même'))
  for (let i = 0; i < 40; i++) posts.push(post('O', `Recette du jour n°${i} #cuisine`, { likes: 500 }))
  for (const id of [...A.slice(0, 5), ...B.slice(0, 5)]) posts.push(post(id, '@O@test.example ta recette est top #cuisine', { mentions: [{ externalId: handleOf('O'), handle: handleOf('O') }] }))

  const follows: NormalizedFollow[] = []
  for (const group of [A, B]) group.forEach((id, i) => { for (let k = 1; k <= 3; k++) follows.push(follow(id, group[(i + k) % group.length])) })
  for (const id of A) follows.push(follow(id, 'H'))
  for (const id of [A[0], A[3], A[6], B[0], B[3], B[6]]) follows.push(follow('X', id), follow(id, 'X'))
  for (const id of ['H', A[1], A[2]]) follows.push(follow('brand', id))

  await db.transaction().execute(async (trx) => {
    await ingestBatch(trx, { posts, accounts }, [topicMatcher(topic)])
    await upsertFollows(trx, follows)
  })
  return { topicId: topic.id }
}

/** A test app whose workspace has the planted topic, scored once at PLANTED_NOW. */
export async function scoredPlantedTopic(t: { teardown(fn: () => unknown): void }) {
  const ctx = await buildTestApp(t)
  const { topicId } = await plantNetwork(ctx.database.db, ctx.mine.id)
  await scoreTopic(ctx.database.db, topicId, { now: PLANTED_NOW })
  return { ...ctx, topicId }
}
