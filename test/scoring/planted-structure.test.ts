import t from 'tap'
import { ingestBatch } from '../../src/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/ingest/topic-matchers.ts'
import { upsertFollows } from '../../src/ingest/upsert-follows.ts'
import type { NormalizedAccount, NormalizedFollow, NormalizedPost } from '../../src/networks/model.ts'
import { scoreTopic } from '../../src/scoring/index.ts'
import { createWorkspace } from '../../src/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'

// A network with a planted structure: two communities A and B that only the bridge X links, a
// hub H whom community A follows and reposts, and an account O that posts mostly off-topic.
const NOW = new Date('2026-11-20T12:00:00Z')
const A = Array.from({ length: 10 }, (_, i) => `a${i}`)
const B = Array.from({ length: 10 }, (_, i) => `b${i}`)
const account = (id: string, followers = 100): NormalizedAccount => ({ network: 'mastodon', externalId: `${id}@test.example`, handle: `${id}@test.example`, displayName: id, bio: null, url: null, followersCount: followers, followingCount: 10, postsCount: 10 })
const ext = (id: string) => `${id}@test.example`
let seq = 0
const post = (author: string, text: string, extra: Partial<NormalizedPost> = {}): NormalizedPost => ({
  network: 'mastodon', externalId: `https://test.example/s/${++seq}`, authorExternalId: ext(author), createdAt: new Date(NOW.getTime() - (seq % 72) * 3_600_000),
  text, lang: 'fr', url: null, replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 1, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [], ...extra,
})
const follow = (from: string, to: string): NormalizedFollow => ({ network: 'mastodon', followerExternalId: ext(from), followeeExternalId: ext(to) })

t.test('the planted hub leads influence, the planted bridge leads relays, the off-topic poster does not rank', async (t) => {
  const { db } = await openTestDatabase(t)
  const { id: workspaceId } = await createWorkspace(db, 'Planted')
  const topic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo OR vélo', own_accounts: { mastodon: ['brand@test.example'] } }).returning(['id', 'query', 'networks', 'languages']).executeTakeFirstOrThrow()
  const matchers = [topicMatcher(topic)]

  const accounts = [...A, ...B, 'H', 'X', 'O', 'brand'].map((id) => account(id, id === 'O' ? 50_000 : 100))
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
  for (const id of [...A.slice(0, 5), ...B.slice(0, 5)]) posts.push(post(id, `@O@test.example ta recette est top #cuisine`, { mentions: [{ externalId: ext('O'), handle: ext('O') }] }))

  const follows: NormalizedFollow[] = []
  for (const group of [A, B]) group.forEach((id, i) => { for (let k = 1; k <= 3; k++) follows.push(follow(id, group[(i + k) % group.length])) })
  for (const id of A) follows.push(follow(id, 'H'))
  for (const id of [A[0], A[3], A[6], B[0], B[3], B[6]]) follows.push(follow('X', id), follow(id, 'X'))

  await db.transaction().execute(async (trx) => {
    await ingestBatch(trx, { posts, accounts }, matchers)
    await upsertFollows(trx, follows)
  })
  const summary = await scoreTopic(db, topic.id, { now: NOW })
  t.ok(summary.accounts >= 22, `scored ${summary.accounts} accounts`)

  const ranked = await db
    .selectFrom('scores').innerJoin('accounts', 'accounts.id', 'scores.account_id')
    .select(['accounts.handle', 'influence', 'relay', 'influence_rank', 'relay_rank', 'prospect', 'community', 'components'])
    .where('run_id', '=', summary.runId).execute()
  const by = (handle: string) => ranked.find((r) => r.handle === ext(handle))!
  t.equal(by('H').influence_rank, 1, `H leads influence (${by('H').influence})`)
  t.equal(by('H').influence, 100)
  t.equal(by('X').relay_rank, 1, `X leads relays (${by('X').relay})`)
  t.ok(by('O').influence_rank > 10, `O ranks ${by('O').influence_rank} on influence despite 40 off-topic posts and 50,000 followers`)
  t.not(by('a1').community, by('b1').community, 'A and B are separate communities')
  t.equal(by('a1').community, by('a5').community)
  t.ok(by('X').components.betweenness > by('a1').components.betweenness, 'the explanation shows the bridge\'s betweenness')
  t.equal(by('H').components.topicPosts, 3, 'the explanation counts the on-topic posts')
  t.ok(ranked.filter((r) => r.prospect).length > 0, 'accounts with no tie to the brand are prospects')
  t.match(summary.coverage, { activeAuthors: 23, followListShare: 0 })

  const second = await scoreTopic(db, topic.id, { now: NOW })
  const again = await db.selectFrom('scores').select(['account_id', 'influence_rank', 'previous_influence_rank']).where('run_id', '=', second.runId).execute()
  t.ok(again.every((r) => r.previous_influence_rank === r.influence_rank), 'an unchanged graph keeps every rank, and the previous rank is recorded')
})
