// app.bsky.feed.searchPosts: simple matching of `q` (words, "phrases", #tags, from:, lang:)
// plus the tag, lang, author, mentions, domain, since and until parameters.
import { renderPost } from '../../render-post.ts'
import { LANGUAGES, PostKind } from '../../types.ts'
import { json, type SandboxResponse } from '../http-types.ts'
import { upperBound, type SandboxView } from '../sandbox-view.ts'
import { matchesQuery, parseTextQuery, toDocument } from '../text-query.ts'
import { postView } from './views.ts'
import { blueskyActor, dateParam, decodeCursor, encodeCursor, invalidRequest, requiredParam, xrpcLimit } from './xrpc-params.ts'

interface SearchFilters {
  q: string
  tags: string[]
  lang: string | null
  author: number | null
  mentions: number | null
  domain: string | null
}

function matchingPosts(view: SandboxView, filters: SearchFilters): Int32Array {
  return view.cachedSearch(`bluesky/${JSON.stringify(filters)}`, () => {
    const query = parseTextQuery(filters.q)
    const { posts, accounts, hashtags } = view.data
    const lang = filters.lang ?? query.lang
    const from = query.from === null ? filters.author : view.findAccount(query.from)
    const requiredNames = [...new Set([...query.requiredTags, ...filters.tags])]
    const required = requiredNames.map((t) => hashtags.findIndex((h) => h.toLowerCase() === t))
    const needsText = filters.domain !== null || filters.mentions !== null || query.excluded.length > 0 || query.clauses.some((c) => c.length > 1 || c[0].kind !== 'tag')
    const found: number[] = []
    if (required.includes(-1) || (query.from !== null && from === null)) return new Int32Array(0)
    for (let i = 0; i < posts.count; i++) {
      const author = posts.author[i]
      if (posts.kind[i] === PostKind.repost || accounts[author].network !== 'bluesky') continue
      if (from !== null && author !== from) continue
      if (required.some((t) => posts.tag0[i] !== t && posts.tag1[i] !== t)) continue
      if (lang !== null && LANGUAGES[posts.lang[i]] !== lang) continue
      if (!needsText) {
        if (lang === null || renderPost(view.data, i).lang === lang) found.push(i)
        continue
      }
      const post = renderPost(view.data, i)
      if (lang !== null && post.lang !== lang) continue
      if (filters.mentions !== null && !post.mentions.includes(filters.mentions)) continue
      if (filters.domain !== null && !post.links.some((link) => new URL(link).hostname === filters.domain)) continue
      const mentioned = post.mentions.flatMap((m) => [accounts[m].handle, accounts[m].did ?? ''])
      if (matchesQuery(query, toDocument(post.text, post.hashtags, mentioned))) found.push(i)
    }
    return Int32Array.from(found)
  })
}

export function searchPosts(view: SandboxView, query: URLSearchParams): SandboxResponse {
  const q = requiredParam(query, 'q')
  const limit = xrpcLimit(query, 25, 100)
  const sort = query.get('sort') ?? 'latest'
  if (sort !== 'latest' && sort !== 'top') throw invalidRequest('sort must be one of latest, top')
  const actor = (name: string): number | null => {
    const value = query.get(name)
    if (!value) return null
    const account = blueskyActor(view, value)
    if (account === null) throw invalidRequest(`${name} could not be resolved`)
    return account
  }
  const filters: SearchFilters = {
    q,
    tags: query.getAll('tag').map((t) => t.replace(/^#/, '').toLowerCase()),
    lang: query.get('lang'),
    author: actor('author'),
    mentions: actor('mentions'),
    domain: query.get('domain'),
  }
  // Posts are sorted by time, so time bounds and the cursor are index bounds.
  const createdAt = view.data.posts.createdAt
  const since = dateParam(query, 'since')
  const until = dateParam(query, 'until')
  const lo = since === null ? 0 : upperBound(createdAt, since - 1)
  const hi = Math.min(view.visibleCount, until === null ? Infinity : upperBound(createdAt, until - 1))
  const matches = matchingPosts(view, filters)
  const start = upperBound(matches, lo - 1)
  const end = upperBound(matches, hi - 1)
  const position = decodeCursor(query)
  let page: number[]
  let next: number | null
  if (sort === 'top') {
    const ranked = Array.from(matches.subarray(start, end)).sort((a, b) => view.data.posts.likes[b] - view.data.posts.likes[a] || b - a)
    const offset = position ?? 0
    page = ranked.slice(offset, offset + limit)
    next = offset + limit < ranked.length ? offset + limit : null
  } else {
    const pageEnd = position === null ? end : Math.max(start, upperBound(matches, Math.min(hi, position) - 1, start, end))
    const pageStart = Math.max(start, pageEnd - limit)
    page = Array.from(matches.subarray(pageStart, pageEnd)).reverse()
    next = pageStart > start ? page[page.length - 1] : null
  }
  return json({
    ...(next !== null ? { cursor: encodeCursor(next) } : {}),
    hitsTotal: end - start,
    posts: page.map((post) => postView(view, post)),
  })
}
