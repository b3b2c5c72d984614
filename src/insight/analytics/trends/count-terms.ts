import { stopwordsFor } from './stopwords.ts'
import { termKey } from './term-key.ts'
import { termTokens } from './term-tokens.ts'
import type { QueryTerms } from './query-terms.ts'
import type { TrendPost } from './trend-posts.ts'
import { fold } from '../../../pipeline/query/fold.ts'

/** One hashtag or term of one network: posts using it, who wrote them, and how it was spelled. */
export interface TermCount {
  recent: number
  baseline: number
  authors: Set<number>
  /** Spelling as written → uses, over both periods. */
  forms: Map<string, number>
}

export interface NetworkCounts {
  /** Posts in the recent window, and in the covered part of the baseline. */
  recentPosts: number
  baselinePosts: number
  hashtags: Map<string, TermCount>
  terms: Map<string, TermCount>
}

/**
 * Counts, per network, the posts using each hashtag and each term (a post counts once per key,
 * however often it repeats the word). Baseline posts older than the network's coverage start are
 * left out, so the baseline is only time collection covered.
 */
export function countTerms(posts: readonly TrendPost[], exclude: QueryTerms, coverage: ReadonlyMap<string, Date>): Map<string, NetworkCounts> {
  const networks = new Map<string, NetworkCounts>()
  for (const post of posts) {
    if (!post.recent && post.createdAt < (coverage.get(post.network) ?? post.createdAt)) continue
    let counts = networks.get(post.network)
    if (!counts) networks.set(post.network, (counts = { recentPosts: 0, baselinePosts: 0, hashtags: new Map(), terms: new Map() }))
    if (post.recent) counts.recentPosts++
    else counts.baselinePosts++
    const tags = new Map<string, string>()
    for (const tag of post.hashtags) if (!exclude.hashtags.has(fold(tag))) tags.set(fold(tag), tag)
    add(counts.hashtags, tags, post)
    const isStopword = stopwordsFor(post.lang)
    const words = new Map<string, string>()
    for (const word of termTokens(post.text)) {
      if (isStopword(fold(word))) continue
      const key = termKey(word, post.lang)
      if (!exclude.terms.has(key) && !exclude.hashtags.has(fold(word))) words.set(key, word)
    }
    add(counts.terms, words, post)
  }
  return networks
}

/** Adds one post's keys (key → the spelling this post used). */
function add(into: Map<string, TermCount>, keys: ReadonlyMap<string, string>, post: TrendPost): void {
  for (const [key, form] of keys) {
    let c = into.get(key)
    if (!c) into.set(key, (c = { recent: 0, baseline: 0, authors: new Set(), forms: new Map() }))
    if (post.recent) {
      c.recent++
      if (post.authorId !== null) c.authors.add(post.authorId)
    } else c.baseline++
    c.forms.set(form, (c.forms.get(form) ?? 0) + 1)
  }
}
