// Where planted trends and a planted best hour rank, and how they are shown.
//   node --import tsx bench/quality/trends.ts
// 1. The sandbox's planted incident (a day of complaints on the "velo" topic, in its own words),
//    collected through the real connectors: each incident word's rank among the day's rising words.
// 2. An independent generator (test/fixtures/planted-trends.ts): planted rising words and
//    hashtags, and noise planted to rise too (stopwords, times, numbers, the query's own word).
// 3. A planted best hour against a slot of three lucky posts (test/fixtures/planted-best-hours.ts).
// Also the time the trends take against the statistics of the same topic, measured in this run.
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { computeTrends } from '../../src/insight/analytics/trends/compute-trends.ts'
import { computeStats } from '../../src/insight/analytics/stats/compute-stats.ts'
import { computeBestHours } from '../../src/insight/analytics/best-hours/compute-best-hours.ts'
import { termTokens } from '../../src/insight/analytics/trends/term-tokens.ts'
import { stopwordsFor } from '../../src/insight/analytics/trends/stopwords.ts'
import { termKey } from '../../src/insight/analytics/trends/term-key.ts'
import { fold } from '../../src/pipeline/query/fold.ts'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { LANGUAGE_PACKS } from '../../src/simulation/sandbox/content/languages.ts'
import { collectedTopic, digestSandbox } from '../../test/digest/fixtures/sandbox-topic.ts'
import { generateTrendWorld, type TrendWorld } from '../../test/fixtures/planted-trends.ts'
import { generateBestHoursWorld } from '../../test/fixtures/planted-best-hours.ts'

const HOUR = 3_600_000
const database = await openDatabase({ dataDir: ':memory:', command: 'bench' })
await migrateToLatest(database.db)
const db = database.db
const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => { const t0 = performance.now(); const r = await f(); return [r, performance.now() - t0] }
const rankOf = (list: readonly { value: string }[], key: string, lang: string) => list.findIndex((x) => termKey(x.value, lang) === key)

// 1. The sandbox.
const data = digestSandbox()
const { topicId } = await collectedTopic(db, data, [])
const spike = data.truth.spike
const end = new Date(Math.ceil(spike.end.getTime() / HOUR) * HOUR)
const windowHours = Math.max(1, Math.round((end.getTime() - spike.start.getTime()) / HOUR))
const options = { window: `${windowHours}h`, windowMs: windowHours * HOUR, end, minCount: 3, minScore: 2, limit: 50 }
const [sandboxTrends, trendsMs] = await timed(() => computeTrends(db, topicId, options))
const [, statsMs] = await timed(() => computeStats(db, topicId, { since: new Date(end.getTime() - 5 * windowHours * HOUR), until: end }, 'hour'))
const incident = LANGUAGE_PACKS.fr.topics.incident
const isStop = stopwordsFor('fr')
const planted = new Map<string, string>()
for (const text of [...incident.subjects, ...incident.details]) for (const w of termTokens(text)) if (!isStop(fold(w))) planted.set(termKey(w, 'fr'), w)
console.log(`sandbox: ${data.accounts.length} accounts, incident ${spike.start.toISOString()} → ${spike.end.toISOString()} (${spike.posts} posts), window ${options.window}`)
for (const n of sandboxTrends.networks) {
  console.log(`  ${n.network}: ${n.recentMentions} posts in the window, ${n.baselinePosts} in the baseline (${n.baselineWindowsCovered} windows covered)`)
  console.log(`    top terms: ${n.terms.slice(0, 10).map((x) => `${x.value} (${x.score})`).join(', ')}`)
  const ranks = [...planted].map(([key, word]) => { const r = rankOf(n.terms, key, 'fr'); return `${word}→${r < 0 ? '—' : `#${r + 1} "${n.terms[r].value}"`}` })
  console.log(`    incident words: ${ranks.join(', ')}`)
  console.log(`    any value with a digit: ${n.terms.some((x) => /\d/.test(x.value)) ? 'yes' : 'no'}`)
}

// 2. The independent generator.
const world: TrendWorld = {
  seed: 11, network: 'mastodon', lang: 'fr', end: new Date('2026-11-20T00:00:00Z'), coveredDays: 28, windowDays: 7, postsPerDay: 400, authors: 600,
  vocabulary: ['piste', 'cyclable', 'ville', 'rue', 'boulevard', 'casque', 'pneu', 'chaîne', 'selle', 'trajet', 'matin', 'soir', 'pluie', 'soleil', 'carrefour', 'voiture', 'bus', 'métro', 'gare', 'parking', 'atelier', 'réparation', 'balade', 'sortie', 'famille', 'enfants', 'école', 'travail', 'bureau', 'quartier'],
  fillers: ['le', 'la', 'les', 'et', 'aussi', 'très', 'vraiment', 'donc', 'mais', 'pour', 'avec'],
  queryWord: 'vélo',
  risingWords: [{ forms: ['grève', 'grèves', 'Grève'], baselinePerDay: 4, recentPerDay: 30 }, { forms: ['éclairage', 'éclairages'], baselinePerDay: 6, recentPerDay: 18 }, { forms: ['Strasbourg'], baselinePerDay: 2, recentPerDay: 8 }],
  risingHashtags: [{ forms: ['manif'], baselinePerDay: 2, recentPerDay: 20 }],
  risingNoise: [{ forms: ['encore', 'Encore'], baselinePerDay: 10, recentPerDay: 80 }, { forms: ['7h30'], baselinePerDay: 5, recentPerDay: 60 }, { forms: ['vélo', 'velo'], baselinePerDay: 20, recentPerDay: 90 }],
}
const { id: workspaceId } = await createWorkspace(db, 'Bench')
const topic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: 'vélo', own_accounts: {} }).returning(['id', 'query', 'networks', 'languages']).executeTakeFirstOrThrow()
const generated = generateTrendWorld(world)
await db.transaction().execute((trx) => ingestBatch(trx, generated, [topicMatcher(topic)]))
const genOptions = { window: '7d', windowMs: 7 * 24 * HOUR, end: world.end, minCount: 3, minScore: 2, limit: 50 }
const [genTrends, genMs] = await timed(() => computeTrends(db, topic.id, genOptions))
const [, genStatsMs] = await timed(() => computeStats(db, topic.id, { since: new Date(world.end.getTime() - 35 * 24 * HOUR), until: world.end }, 'day'))
const g = genTrends.networks[0]
console.log(`generator: ${generated.posts.length} posts; top terms: ${g.terms.slice(0, 8).map((x) => `${x.value} (${x.score})`).join(', ')}; hashtags: ${g.hashtags.slice(0, 3).map((x) => x.value).join(', ')}`)
for (const v of [...world.risingWords, ...world.risingNoise]) {
  const r = rankOf(g.terms, termKey(v.forms[0], 'fr'), 'fr')
  console.log(`  ${world.risingNoise.includes(v) ? 'noise  ' : 'planted'} "${v.forms[0]}": ${r < 0 ? 'not shown' : `#${r + 1}, shown as "${g.terms[r].value}" (forms ${g.terms[r].forms.join('/')})`}`)
}

// 3. Best hours.
const hoursTopic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Heures', query: 'tour', own_accounts: {} }).returning(['id', 'query', 'networks', 'languages']).executeTakeFirstOrThrow()
const hours = generateBestHoursWorld({ seed: 7, network: 'mastodon', start: new Date('2026-10-05T00:00:00Z'), weeks: 6, postsPerHour: 1.2, meanEngagement: 3, planted: { dayIndex: 1, hour: 17, posts: 36, meanEngagement: 9 }, lucky: { dayIndex: 6, hour: 23, posts: 3, engagement: 30 } })
await db.transaction().execute((trx) => ingestBatch(trx, hours, [topicMatcher(hoursTopic)]))
const best = (await computeBestHours(db, hoursTopic.id, { since: new Date('2026-10-01T00:00:00Z'), until: new Date('2026-11-20T00:00:00Z') }, 'UTC', 1)).networks[0]
const naive = [...best.hourOfWeek.engagementPerPost.flatMap((d, di) => d.map((v, h) => ({ di, h, v: v ?? -1 })))].sort((a, b) => b.v - a.v)
const naiveRank = naive.findIndex((x) => x.di === 1 && x.h === 17) + 1
console.log(`best hours: ${best.posts} posts, prior ${best.priorPosts} posts; planted tuesday 17:00 ranks #${best.bestSlots.findIndex((s) => s.day === 'tuesday' && s.hour === 17) + 1} shrunk, #${naiveRank} by raw mean (raw #1: day ${naive[0].di} ${naive[0].h}:00, ${naive[0].v})`)
const thin = (await computeBestHours(db, hoursTopic.id, { since: new Date('2026-10-05T00:00:00Z'), until: new Date('2026-10-05T02:00:00Z') }, 'UTC', 1)).networks[0]
console.log(`  thin sample (${thin.posts} posts): ${thin.notice?.en ?? 'no notice'}`)

console.log(`time: sandbox trends ${trendsMs.toFixed(0)} ms vs stats ${statsMs.toFixed(0)} ms (×${(trendsMs / statsMs).toFixed(1)}); generator (${genTrends.postsAnalysed} posts read) trends ${genMs.toFixed(0)} ms vs stats ${genStatsMs.toFixed(0)} ms (×${(genMs / genStatsMs).toFixed(1)})`)
await database.close()
