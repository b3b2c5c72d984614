// GET /api/v2/search. Full-text status search needs a user token (here `sandbox`), as on real
// instances; a bare `#tag` or `@user` goes to hashtag/account search only.
import { renderPost } from '../../render-post.ts'
import { PostKind } from '../../types.ts'
import { bearerToken, flagParam, json, limitParam, type SandboxRequest, type SandboxResponse } from '../http-types.ts'
import { upperBound, type SandboxView } from '../sandbox-view.ts'
import { fold, hasTerms, matchesQuery, parseTextQuery, toDocument, tokenize } from '../text-query.ts'
import { accountJson, statusJson } from './entities.ts'
import { indexWindow } from './paging.ts'

export const MASTODON_SANDBOX_TOKEN = 'sandbox'
const DAY_MS = 86_400_000

function matchingStatuses(view: SandboxView, instance: number, q: string): Int32Array {
  return view.cachedSearch(`mastodon/${instance}/${q}`, () => {
    const query = parseTextQuery(q)
    const { posts, accounts } = view.data
    const found: number[] = []
    if (!hasTerms(query)) return new Int32Array(0)
    const required = query.requiredTags.map((t) => view.data.hashtags.findIndex((h) => h.toLowerCase() === t))
    if (required.includes(-1)) return new Int32Array(0)
    for (let i = 0; i < posts.count; i++) {
      const author = accounts[posts.author[i]]
      if (posts.kind[i] === PostKind.repost || author.network !== 'mastodon' || !view.knowsAuthor(instance, author.index)) continue
      if (required.some((t) => posts.tag0[i] !== t && posts.tag1[i] !== t)) continue
      if (query.from && query.from !== author.username && query.from !== author.handle.toLowerCase()) continue
      const post = renderPost(view.data, i)
      if (query.lang && post.lang !== query.lang) continue
      const doc = toDocument(post.text, post.hashtags, post.mentions.map((m) => accounts[m].handle))
      if (matchesQuery(query, doc)) found.push(i)
    }
    return Int32Array.from(found)
  })
}

function searchHashtags(view: SandboxView, instance: number, q: string, limit: number): unknown[] {
  const wanted = fold(q.replace(/^#/, '')).trim()
  if (!wanted) return []
  const domain = view.data.instances[instance]
  const startOfToday = Math.floor(view.now.getTime() / DAY_MS) * DAY_MS
  return view.data.hashtags
    .filter((tag) => fold(tag).startsWith(wanted))
    .slice(0, limit)
    .map((tag) => {
      const name = tag.toLowerCase()
      const list = view.tagPosts(instance, name)
      const history = Array.from({ length: 7 }, (_, d) => {
        const dayStart = startOfToday - d * DAY_MS
        const within: number[] = []
        const from = upperBound(view.data.posts.createdAt, dayStart - 1)
        const to = Math.min(view.visibleCount, upperBound(view.data.posts.createdAt, dayStart + DAY_MS - 1))
        for (const post of list) if (post >= from && post < to) within.push(view.data.posts.author[post])
        return { day: String(dayStart / 1000), uses: String(within.length), accounts: String(new Set(within).size) }
      })
      return { id: String(view.data.hashtags.indexOf(tag) + 1), name, url: `https://${domain}/tags/${name}`, history }
    })
}

function searchAccounts(view: SandboxView, instance: number, q: string, limit: number): unknown[] {
  const words = [...tokenize(fold(q))]
  if (words.length === 0) return []
  const found: unknown[] = []
  for (const a of view.data.accounts) {
    if (found.length >= limit) break
    if (a.network !== 'mastodon') continue
    const names = tokenize(fold(`${a.username} ${a.displayName} ${a.handle}`))
    if (words.every((w) => [...names].some((n) => n.startsWith(w)))) found.push(accountJson(view, a.index, instance))
  }
  return found
}

export function search(view: SandboxView, request: SandboxRequest, instance: number): SandboxResponse {
  const { query } = request
  const q = (query.get('q') ?? '').trim()
  const token = bearerToken(request)
  if (token !== null && token !== MASTODON_SANDBOX_TOKEN) return json({ error: 'The access token is invalid' }, 401)
  const authenticated = token !== null
  if (!authenticated && query.has('offset')) return json({ error: 'Search queries pagination is not supported without authentication' }, 401)
  if (!authenticated && flagParam(query, 'resolve')) return json({ error: 'Search queries that resolve remote resources are not supported without authentication' }, 401)
  if (!q) return json({ error: 'param is missing or the value is empty: q' }, 400)
  const type = query.get('type')
  const limit = limitParam(query, 20, 40)
  const offset = Math.max(0, Number.parseInt(query.get('offset') ?? '0', 10) || 0)
  const wants = (kind: string): boolean => type === null || type === kind
  const bare = /^[#@]\S+$/.test(q)
  let statuses: unknown[] = []
  if (wants('statuses') && authenticated && !bare) {
    const window = indexWindow(view, query, instance)
    // Posts not delivered yet are not searchable; they come in later with their older ids.
    const matches = matchingStatuses(view, instance, q).filter((post) => view.delivered(instance, post))
    const from = upperBound(matches, window.from - 1)
    const to = upperBound(matches, window.to - 1)
    const newestFirst: number[] = []
    for (let k = to - 1 - (window.oldestFirst ? 0 : offset); k >= from && newestFirst.length < limit; k--) newestFirst.push(matches[k])
    const page = window.oldestFirst ? Array.from(matches.subarray(from, Math.min(to, from + limit))).reverse() : newestFirst
    statuses = page.map((post) => statusJson(view, post, instance))
  }
  return json({
    accounts: wants('accounts') && !q.startsWith('#') ? searchAccounts(view, instance, q, limit) : [],
    statuses,
    hashtags: wants('hashtags') && !q.startsWith('@') ? searchHashtags(view, instance, q, limit) : [],
  })
}
