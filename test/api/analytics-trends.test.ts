import t from 'tap'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { generateTrendWorld, type TrendWorld } from '../fixtures/planted-trends.ts'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'
import { topicWorkspace } from '../helpers/topic-workspace.ts'

const END = new Date('2026-11-20T00:00:00Z')
interface Trend { value: string; forms: string[]; recent: number; authors: number; baseline: number; expected: number; score: number; changePct: number | null }
interface NetworkTrends { network: string; recentMentions: number; baselinePosts: number; baselineWindowsCovered: number; enoughHistory: boolean; notice: { en: string; fr: string } | null; hashtags: Trend[]; terms: Trend[] }

async function topicWith(ctx: TestApp, query: string, batch: { posts: NormalizedPost[]; accounts: NormalizedAccount[] }) {
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Trends', query } })).json() as { id: string; query: string }
  await ctx.database.db.transaction().execute(async (trx) => ingestBatch(trx, await topicWorkspace(trx, topic.id), batch, [topicMatcher(topic as never)]))
  return topic
}

async function trendsOf(ctx: TestApp, topicId: string, qs: string): Promise<{ networks: NetworkTrends[] } & Record<string, unknown>> {
  const res = await ctx.app.inject({ url: `/v1/topics/${topicId}/trends?until=${END.toISOString()}&${qs}`, headers: bearer(ctx.mine.read) })
  if (res.statusCode !== 200) throw new Error(res.body)
  return res.json()
}

const FRENCH: TrendWorld = {
  seed: 11, network: 'mastodon', lang: 'fr', end: END, coveredDays: 28, windowDays: 7, postsPerDay: 25, authors: 60,
  vocabulary: ['piste', 'cyclable', 'ville', 'rue', 'boulevard', 'casque', 'pneu', 'chaîne', 'selle', 'trajet', 'matin', 'soir', 'pluie', 'soleil', 'carrefour', 'voiture', 'bus', 'métro', 'gare', 'parking', 'atelier', 'réparation', 'balade', 'sortie', 'famille', 'enfants', 'école', 'travail', 'bureau', 'quartier'],
  fillers: ['le', 'la', 'les', 'et', 'aussi', 'très', 'vraiment', 'donc', 'mais', 'pour', 'avec'],
  queryWord: 'vélo',
  risingWords: [{ forms: ['grève', 'grèves', 'Grève'], baselinePerDay: 0.3, recentPerDay: 4 }],
  risingHashtags: [{ forms: ['manif'], baselinePerDay: 0.2, recentPerDay: 3 }],
  risingNoise: [
    { forms: ['encore', 'Encore'], baselinePerDay: 1, recentPerDay: 12 },
    { forms: ['7h30', '8h15'], baselinePerDay: 0.5, recentPerDay: 8 },
    { forms: ['vélo', 'Vélo', 'velo'], baselinePerDay: 2, recentPerDay: 12 },
    { forms: ['2027'], baselinePerDay: 0, recentPerDay: 6 },
  ],
}

t.test('a planted rising word leads, shown as written; no stopword, number, time or query term is shown', async (t) => {
  const ctx = await buildTestApp(t)
  const world = generateTrendWorld(FRENCH)
  // A word new this week, written five times by five people: not enough to be called rising.
  const five = world.posts.filter((p) => p.createdAt >= new Date(END.getTime() - 7 * 86_400_000)).slice(0, 5)
  for (const p of five) p.text += ' zèbre'
  const topic = await topicWith(ctx, 'vélo', world)
  const trends = await trendsOf(ctx, topic.id, 'window=7d')
  const mastodon = trends.networks.find((n) => n.network === 'mastodon')!
  t.equal(mastodon.enoughHistory, true)
  t.ok(mastodon.baselineWindowsCovered > 3.9, `the four baseline weeks were collected (${mastodon.baselineWindowsCovered})`)
  const terms = mastodon.terms.map((x) => x.value)
  t.ok(terms.slice(0, 5).includes('grève'), `"grève" in the top 5 of ${JSON.stringify(terms)}`)
  const greve = mastodon.terms.find((x) => x.value === 'grève')!
  t.same([...greve.forms].sort(), ['Grève', 'grève', 'grèves'], 'its spellings were counted together')
  t.ok(greve.recent > 20 && greve.authors > 10)
  t.same(mastodon.hashtags.map((h) => h.value).slice(0, 1), ['manif'])
  for (const never of ['encore', 'Encore', '7h30', 'h30', '2027', 'vélo', 'velo', 'Vélo', 'zèbre', 'km', 'https', 'news']) {
    t.notOk(terms.includes(never) || mastodon.hashtags.some((h) => h.value === never), `"${never}" is not shown`)
  }
  t.notOk(terms.some((v) => /\d/.test(v)), 'no value holds a digit')
  // Independent check of the documented formula on the planted word.
  const expected = ((greve.baseline * 4 + 1) * mastodon.recentMentions) / mastodon.baselinePosts + 2
  t.ok(Math.abs(greve.expected - expected) < 0.05, `expected ${greve.expected} ≈ ${expected.toFixed(2)}`)
  t.ok(Math.abs(greve.score - 2 * (Math.sqrt(greve.recent + 0.375) - Math.sqrt(greve.expected + 0.375))) < 0.02)
})

// A second case: Spanish, a 3-day window, and collection that began 5 days before it.
const SPANISH: TrendWorld = {
  seed: 29, network: 'bluesky', lang: 'es', end: END, coveredDays: 5, windowDays: 3, postsPerDay: 40, authors: 80,
  vocabulary: ['bicicleta', 'carril', 'ciudad', 'calle', 'casco', 'rueda', 'cadena', 'trayecto', 'mañana', 'tarde', 'lluvia', 'coche', 'autobús', 'parque', 'taller', 'paseo', 'familia', 'colegio', 'trabajo', 'barrio'],
  fillers: ['el', 'la', 'los', 'y', 'también', 'muy', 'pero', 'para', 'con'],
  queryWord: 'bici',
  risingWords: [{ forms: ['estación', 'estaciones', 'Estación'], baselinePerDay: 0.6, recentPerDay: 7 }, { forms: ['huelga', 'huelgas'], baselinePerDay: 0.4, recentPerDay: 5 }],
  risingHashtags: [],
  risingNoise: [{ forms: ['también'], baselinePerDay: 2, recentPerDay: 15 }, { forms: ['8h15'], baselinePerDay: 0, recentPerDay: 9 }],
}

t.test('a second planted case: the baseline counts only what collection covered', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await topicWith(ctx, '#bici', generateTrendWorld(SPANISH))
  const trends = await trendsOf(ctx, topic.id, 'window=3d')
  const bluesky = trends.networks.find((n) => n.network === 'bluesky')!
  t.ok(bluesky.baselineWindowsCovered > 1.5 && bluesky.baselineWindowsCovered < 1.8, `5 days of 12 covered: ${bluesky.baselineWindowsCovered} windows`)
  const terms = bluesky.terms.map((x) => x.value)
  t.ok(terms.slice(0, 5).includes('estación'), `"estación" in the top 5 of ${JSON.stringify(terms)}`)
  t.ok(terms.slice(0, 5).includes('huelga'), '"huelga" in the top 5')
  for (const trend of bluesky.terms) t.equal(trend.value.toLowerCase(), trend.forms[0].toLowerCase(), `"${trend.value}" is its most written spelling`)
  t.notOk(terms.includes('bicicleta'), 'the most used word, steady since collection began, does not rise (the weeks before collection are not zeros)')
  for (const never of ['también', '8h15', 'bici']) t.notOk(terms.includes(never), `"${never}" is not shown`)
  t.same(bluesky.hashtags, [], 'the topic\'s own hashtag is not a trend of the topic')
})

t.test('a topic collected only this week says there is not enough data yet', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await topicWith(ctx, 'vélo', generateTrendWorld({ ...FRENCH, coveredDays: 0 }))
  const [mastodon] = (await trendsOf(ctx, topic.id, 'window=7d')).networks
  t.match(mastodon, { enoughHistory: false, baselinePosts: 0, hashtags: [], terms: [] })
  t.match(mastodon.notice, { en: /Not enough data yet/, fr: /Pas encore assez de données/ })
})

t.test('one account repeating a word is not a trend', async (t) => {
  const ctx = await buildTestApp(t)
  const world = generateTrendWorld(FRENCH)
  world.posts.filter((p) => p.createdAt >= new Date(END.getTime() - 7 * 86_400_000)).slice(0, 30).forEach((p) => {
    p.text += ' promotion'
    p.authorExternalId = 'p0@trends.example'
  })
  const topic = await topicWith(ctx, 'vélo', world)
  const [mastodon] = (await trendsOf(ctx, topic.id, 'window=7d')).networks
  t.notOk(mastodon.terms.some((x) => x.value === 'promotion'))
  t.ok(mastodon.terms.some((x) => x.value === 'grève'))
})

t.test('parameters are checked, and another workspace\'s topic has no trends', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await topicWith(ctx, 'vélo', generateTrendWorld({ ...FRENCH, coveredDays: 7, postsPerDay: 5 }))
  for (const bad of ['window=0d', 'window=31d', 'window=7w', 'minCount=0', 'limit=51']) {
    const r = await ctx.app.inject({ url: `/v1/topics/${topic.id}/trends?${bad}`, headers: bearer(ctx.mine.read) })
    t.equal(r.statusCode, 400, bad)
  }
  t.equal((await ctx.app.inject({ url: `/v1/topics/${topic.id}/trends`, headers: bearer(ctx.theirs.read) })).statusCode, 404)
})
