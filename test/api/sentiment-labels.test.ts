// One sentiment definition: posts in several languages, enriched by the real reader, read back
// from the mention feed (its sentimentLabel), the topic stats (their shares) and the inbox (its
// "negative" reason) — the three must tell the same story, and the labels a person would give.
import t from 'tap'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { topicWorkspace } from '../helpers/topic-workspace.ts'

const AUTHOR: NormalizedAccount = {
  network: 'mastodon', externalId: 'zoe', handle: 'zoe', displayName: null, bio: null, url: null, followersCount: 10, followingCount: 1, postsCount: 1,
}
// text, language, the label a person gives
const POSTS: [string, string, 'negative' | 'neutral' | 'positive'][] = [
  ['Le nouveau service de vélo est génial, bravo !', 'fr', 'positive'],
  ['Trois semaines sans vélo, service lamentable, je suis furieux', 'fr', 'negative'],
  ['Le vélo partagé arrive lundi dans le quartier', 'fr', 'neutral'],
  ['The new bike lanes are wonderful, thank you!', 'en', 'positive'],
  ['My bike was stolen and the support is useless. Terrible.', 'en', 'negative'],
  ['Bike lane works start on Monday on Main Street', 'en', 'neutral'],
  ['La nueva bici es preciosa, me encanta', 'es', 'positive'],
  ['Servicio de bici horrible, una vergüenza', 'es', 'negative'],
  ['Das neue Fahrrad ist wunderbar', 'de', 'positive'],
  ['Il servizio bici è pessimo, che schifo', 'it', 'negative'],
  ['A bike nova é maravilhosa, adorei', 'pt', 'positive'],
]
const post = (i: number, text: string, lang: string): NormalizedPost => ({
  network: 'mastodon', externalId: `s${i}`, authorExternalId: 'zoe', createdAt: new Date(Date.UTC(2026, 10, 18, 10, i)), text, lang, url: null,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 0, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [],
})

interface FeedItem { id: string; text: string; sentiment: number | null; sentimentLabel: string | null }

t.test('the feed labels, the stats shares and the inbox agree, and match a person', async (t) => {
  const ctx = await buildTestApp(t)
  const headers = bearer(ctx.mine.write)
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers, payload: { name: 'Bike', query: 'vélo OR bike OR bici OR fahrrad OR bikes' } })).json() as { id: string; query: string; networks: string[]; languages: string[] }
  const posts = POSTS.map(([text, lang], i) => post(i, text, lang))
  await ctx.database.db.transaction().execute(async (trx) => ingestBatch(trx, await topicWorkspace(trx, topic.id), { posts, accounts: [AUTHOR] }, [topicMatcher(topic)]))

  const feed = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions?limit=100`, headers })).json() as { items: FeedItem[] }
  t.equal(feed.items.length, POSTS.length, 'every post is in the feed')
  for (const [text, lang, label] of POSTS) {
    const item = feed.items.find((i) => i.text === text)
    t.equal(item?.sentimentLabel, label, `${lang}: "${text}" (${item?.sentiment})`)
  }

  const stats = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/stats?since=2026-11-18T00:00:00Z&until=2026-11-19T00:00:00Z`, headers })).json() as {
    totals: { mentions: number; sentiment: Record<'negative' | 'neutral' | 'positive' | 'unknown', { count: number }> }
  }
  t.equal(stats.totals.mentions, POSTS.length)
  for (const label of ['negative', 'neutral', 'positive'] as const) {
    const inFeed = feed.items.filter((i) => i.sentimentLabel === label).length
    t.equal(stats.totals.sentiment[label].count, inFeed, `${label}: stats count ${inFeed}, as the feed labels`)
  }
  t.equal(stats.totals.sentiment.unknown.count, 0)

  const inbox = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/inbox?reason=negative&limit=100`, headers })).json() as { items: { mention: FeedItem }[] }
  const flagged = inbox.items.map((i) => i.mention.text).sort()
  const negative = POSTS.filter(([, , label]) => label === 'negative').map(([text]) => text).sort()
  t.same(flagged, negative, 'the inbox lists the complaints, and only them')
  t.ok(inbox.items.every((i) => i.mention.sentimentLabel === 'negative'), 'what the inbox lists the feed labels negative')
})
