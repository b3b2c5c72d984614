import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { notEnoughData } from '../confidence.ts'
import { round } from '../numbers.ts'
import { countTerms, type NetworkCounts, type TermCount } from './count-terms.ts'
import { queryTerms } from './query-terms.ts'
import { expectedUses, risingScore, shownForm } from './significance.ts'
import { coverageStarts, trendPosts, type TrendWindows } from './trend-posts.ts'
import type { TopicTrends, Trend } from './schema.ts'

/** How many windows before the recent one make a value's own baseline (when collection covered them). */
export const BASELINE_WINDOWS = 4
/** Below this many baseline posts on a network, nothing is called rising there. */
export const MIN_BASELINE_POSTS = 30
/** A trend needs posts from at least this many accounts in the recent window: one account repeating a word is not a trend. */
export const MIN_AUTHORS = 2
const SHOWN_FORMS = 5

export interface TrendOptions { window: string; windowMs: number; end: Date; network?: string; minCount: number; minScore: number; limit: number }

/**
 * Hashtags and words rising against their own past, per network: counted on folded, stemmed keys,
 * shown as people wrote them, scored against the share of posts that used them while collection
 * covered the network (see significance.ts).
 */
export async function computeTrends(db: Kysely<DB>, topicId: string, o: TrendOptions): Promise<TopicTrends> {
  const windows: TrendWindows = {
    end: o.end,
    recentStart: new Date(o.end.getTime() - o.windowMs),
    baselineStart: new Date(o.end.getTime() - (BASELINE_WINDOWS + 1) * o.windowMs),
  }
  const { rows: [topic] } = await sql<{ query: string }>`select query from topics where id = ${topicId}`.execute(db)
  const [coverage, read] = await Promise.all([coverageStarts(db, topicId, o.network), trendPosts(db, topicId, windows, o.network)])
  const counts = countTerms(read.posts, queryTerms(topic?.query ?? ''), coverage)
  const networks = [...new Set([...counts.keys(), ...(o.network ? [o.network] : [])])].sort()
  return {
    window: o.window,
    recentStart: windows.recentStart.toISOString(),
    end: windows.end.toISOString(),
    baselineStart: windows.baselineStart.toISOString(),
    baselineWindows: BASELINE_WINDOWS,
    minCount: o.minCount,
    minScore: o.minScore,
    minBaselinePosts: MIN_BASELINE_POSTS,
    minAuthors: MIN_AUTHORS,
    postsInRange: read.total,
    postsAnalysed: read.posts.length,
    networks: networks.map((network) => {
      const c = counts.get(network) ?? { recentPosts: 0, baselinePosts: 0, hashtags: new Map(), terms: new Map() }
      const start = coverage.get(network)
      const covered = start ? Math.max(0, Math.min(BASELINE_WINDOWS, (windows.recentStart.getTime() - Math.max(start.getTime(), windows.baselineStart.getTime())) / o.windowMs)) : 0
      const enough = c.baselinePosts >= MIN_BASELINE_POSTS
      return {
        network,
        recentMentions: c.recentPosts,
        baselinePosts: c.baselinePosts,
        coverageStart: start?.toISOString() ?? null,
        baselineWindowsCovered: round(covered, 2),
        enoughHistory: enough,
        notice: enough ? null : notEnoughHistory(c.baselinePosts),
        hashtags: enough ? rising(c.hashtags, c, covered, o) : [],
        terms: enough ? rising(c.terms, c, covered, o) : [],
      }
    }),
  }
}

function rising(values: ReadonlyMap<string, TermCount>, c: NetworkCounts, covered: number, o: TrendOptions): Trend[] {
  const trends: Trend[] = []
  for (const v of values.values()) {
    if (v.recent < o.minCount || v.authors.size < MIN_AUTHORS) continue
    const expected = expectedUses(v.baseline, c.recentPosts, c.baselinePosts)
    const score = risingScore(v.recent, expected)
    if (score < o.minScore) continue
    const recentShare = v.recent / c.recentPosts
    const baselineShare = v.baseline / c.baselinePosts
    trends.push({
      value: shownForm(v.forms),
      forms: [...v.forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SHOWN_FORMS).map(([form]) => form),
      recent: v.recent,
      authors: v.authors.size,
      baseline: covered > 0 ? round(v.baseline / covered, 2) : 0,
      expected: round(expected, 2),
      score: round(score, 2),
      changePct: baselineShare > 0 ? round(((recentShare - baselineShare) / baselineShare) * 100, 1) : null,
    })
  }
  return trends.sort((a, b) => b.score - a.score || b.recent - a.recent || (a.value < b.value ? -1 : 1)).slice(0, o.limit)
}

const notEnoughHistory = (posts: number) =>
  notEnoughData(posts, MIN_BASELINE_POSTS, { en: ['post before this window while collection ran', 'posts before this window while collection ran'], fr: ['publication avant cette période pendant la collecte', 'publications avant cette période pendant la collecte'] })
