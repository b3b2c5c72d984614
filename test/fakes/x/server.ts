// A local X API v2: bearer-checked search, timelines, follows and user lookup with next_token /
// pagination_token, field selection and expansions, x-rate-limit-* per endpoint, problem JSON.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { startFakeServer, withFaults, type FaultInjector, type FaultOptions, type Handler, type RunningServer } from '../fault-injection.ts'
import type { XSeed, XSeedTweet, XSeedUser } from './seed.ts'
import { fullText, invalidRequest, notFound, problem, tweetJson, userJson } from './wire.ts'
import { matchesSearch, usernames } from './search-operators.ts'

export interface XFakeOptions {
  seed: XSeed
  bearerToken?: string
  now?: () => number
  /** Requests per 15-minute window, per endpoint. */
  limits?: Partial<Record<'search' | 'timeline' | 'follows' | 'users' | 'lookup' | 'retweetedBy', number>>
  /** `includes.tweets` (long-standing) or `includes.posts` (2026 OpenAPI spelling). */
  includesKey?: 'tweets' | 'posts'
  /** When set, since_id older than this many days is refused (recent search covers 7). */
  recentWindowDays?: number
  /** Every request answers 429 UsageCapExceeded. */
  usageCapped?: boolean
  faults?: Omit<FaultOptions, 'rateLimitHeaders' | 'rateLimitBody'>
}

export interface XFake extends RunningServer {
  seed: XSeed
  requests: Array<{ path: string; query: URLSearchParams }>
  overLimit: number
  /** Posts served (the data and includes of search, timelines and post lookup): what X bills as post reads. */
  postsServed: number
  /** Users served (included with posts, profiles, follow lists, who reposted): billed as user reads. */
  usersServed: number
  faults: FaultInjector | null
}

const WINDOW_SECONDS = 15 * 60
// Per app, per 15 minutes (docs.x.com fundamentals/rate-limits): post lookup GET /2/tweets is 3,500,
// who reposted a post (GET /2/tweets/:id/retweeted_by) 75.
const DEFAULT_LIMITS = { search: 450, timeline: 10_000, follows: 300, users: 300, lookup: 3500, retweetedBy: 75 }
const newestFirst = (a: { id: string }, b: { id: string }) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0)
const token = (lastId: string) => Buffer.from(`after:${lastId}`).toString('base64url')
const afterToken = (value: string | null) => (value ? Buffer.from(value, 'base64url').toString().replace(/^after:/, '') : null)

export async function startXFake(options: XFakeOptions): Promise<XFake> {
  const bearer = options.bearerToken ?? 'fake-bearer-token'
  const now = options.now ?? Date.now
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const used = new Map<string, number>()
  const seed = options.seed

  /** Counts the request (when `countIt`) in its endpoint's window; `over` when beyond the limit. */
  function rateWindow(bucket: keyof typeof DEFAULT_LIMITS, countIt: boolean) {
    const start = Math.floor(now() / 1000 / WINDOW_SECONDS) * WINDOW_SECONDS
    const key = `${bucket}:${start}`
    const count = (used.get(key) ?? 0) + (countIt ? 1 : 0)
    if (countIt) used.set(key, count)
    const headers = { 'x-rate-limit-limit': String(limits[bucket]), 'x-rate-limit-remaining': String(Math.max(0, limits[bucket] - count)), 'x-rate-limit-reset': String(start + WINDOW_SECONDS) }
    return { headers, over: count > limits[bucket] }
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8', ...headers })
    res.end(JSON.stringify(body))
  }

  /** `{data?, includes?, errors?, meta}` for a page of tweets, with the requested expansions. */
  function tweetPage(list: XSeedTweet[], q: URLSearchParams, meta: Record<string, unknown>) {
    const fields = new Set((q.get('tweet.fields') ?? '').split(','))
    const userFields = new Set((q.get('user.fields') ?? '').split(','))
    const expansions = new Set((q.get('expansions') ?? '').split(','))
    const users = new Map(seed.users.map((u) => [u.id, u]))
    const byUsername = new Map(seed.users.map((u) => [u.username.toLowerCase(), u]))
    const tweets = new Map(seed.tweets.map((t) => [t.id, t]))
    const includedUsers = new Map<string, XSeedUser>()
    const includedTweets = new Map<string, XSeedTweet>()
    const errors: unknown[] = []
    const addUser = (id: string | undefined) => {
      const user = id ? users.get(id) : undefined
      if (user) includedUsers.set(user.id, user)
    }
    for (const t of list) {
      if (expansions.has('author_id')) addUser(t.authorId)
      if (expansions.has('in_reply_to_user_id')) addUser(t.replyTo?.userId)
      if (expansions.has('entities.mentions.username')) {
        for (const m of fullText(t).matchAll(/@(\w{1,15})/g)) addUser(byUsername.get(m[1].toLowerCase())?.id)
      }
      if (expansions.has('referenced_tweets.id')) {
        for (const refId of [t.retweetOf, t.quoteOf, t.replyTo?.id]) {
          if (!refId) continue
          const ref = tweets.get(refId)
          if (!ref) {
            errors.push(notFound('tweet', 'referenced_tweets.id', refId))
            continue
          }
          includedTweets.set(ref.id, ref)
          if (expansions.has('referenced_tweets.id.author_id')) addUser(ref.authorId)
        }
      }
    }
    const body: Record<string, unknown> = {}
    if (list.length) body.data = list.map((t) => tweetJson(t, fields, byUsername))
    const includes: Record<string, unknown> = {}
    if (includedUsers.size) includes.users = [...includedUsers.values()].map((u) => userJson(u, userFields, seed))
    if (includedTweets.size) includes[options.includesKey ?? 'tweets'] = [...includedTweets.values()].map((t) => tweetJson(t, fields, byUsername))
    if (Object.keys(includes).length) body.includes = includes
    if (errors.length) body.errors = errors
    fake.postsServed += list.length + includedTweets.size
    fake.usersServed += includedUsers.size
    body.meta = list.length ? { newest_id: list[0].id, oldest_id: list[list.length - 1].id, result_count: list.length, ...meta } : { result_count: 0 }
    return body
  }

  function paginate<T>(items: T[], idOf: (item: T) => string, q: URLSearchParams, param: string, size: number) {
    const after = afterToken(q.get(param))
    const start = after === null ? 0 : items.findIndex((item) => BigInt(idOf(item)) < BigInt(after))
    const slice = start < 0 ? [] : items.slice(start, start + size)
    const more = start >= 0 && start + size < items.length
    return { slice, meta: more ? { next_token: token(idOf(slice[slice.length - 1])) } : {} }
  }

  function maxResults(q: URLSearchParams, min: number, max: number, fallback: number): number | string {
    const raw = q.get('max_results')
    const n = raw === null ? fallback : Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) return `The \`max_results\` query parameter value [${raw}] is not between ${min} and ${max}`
    return n
  }

  function matches(tweet: XSeedTweet, query: string): boolean {
    return matchesSearch(query, { text: fullText(tweet).toLowerCase(), tweet, usernameOf: usernames(seed.users) })
  }

  const handler: Handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake.x')
    const q = url.searchParams
    if (req.headers.authorization !== `Bearer ${bearer}`) return send(res, 401, problem(401, 'Unauthorized', 'Unauthorized'))
    if (options.usageCapped) {
      return send(res, 429, { title: 'UsageCapExceeded', detail: 'Usage cap exceeded: Monthly product cap', type: 'https://api.twitter.com/2/problems/usage-capped', period: 'Monthly', scope: 'Product' })
    }
    fake.requests.push({ path: url.pathname, query: q })
    const bucket = url.pathname === '/2/tweets/search/recent' ? 'search' : url.pathname === '/2/tweets' ? 'lookup' : url.pathname.endsWith('/retweeted_by') ? 'retweetedBy' : url.pathname.endsWith('/tweets') ? 'timeline' : /\/(followers|following)$/.test(url.pathname) ? 'follows' : 'users'
    const { headers, over } = rateWindow(bucket, true)
    if (over) {
      fake.overLimit++
      return send(res, 429, problem(429, 'Too Many Requests', 'Too Many Requests'), headers)
    }

    if (url.pathname === '/2/tweets/search/recent') {
      const size = maxResults(q, 10, 100, 10)
      if (typeof size === 'string') return send(res, 400, invalidRequest(size, { max_results: [q.get('max_results') ?? ''] }), headers)
      const sinceId = q.get('since_id')
      if (sinceId !== null && options.recentWindowDays !== undefined) {
        const oldest = now() - options.recentWindowDays * 86_400_000
        if (Number((BigInt(sinceId) >> 22n) + 1288834974657n) < oldest) {
          const message = `Invalid 'since_id':'${sinceId}'. 'since_id' must be a tweet id created after ${new Date(oldest).toISOString()}.`
          return send(res, 400, invalidRequest(message, { since_id: [sinceId] }), headers)
        }
      }
      // Retweets are no longer returned by keyword search (2026-05-04); a post not yet indexed is not found.
      const indexed = (t: XSeedTweet) => t.indexedAt === undefined || Date.parse(t.indexedAt) <= now()
      const hits = seed.tweets
        .filter((t) => !t.retweetOf && indexed(t) && matches(t, q.get('query') ?? '') && (sinceId === null || BigInt(t.id) > BigInt(sinceId)))
        .sort(newestFirst)
      const { slice, meta } = paginate(hits, (t) => t.id, q, 'next_token', size)
      return send(res, 200, tweetPage(slice, q, meta), headers)
    }
    const timeline = /^\/2\/users\/(\d+)\/tweets$/.exec(url.pathname)
    if (timeline) {
      const size = maxResults(q, 5, 100, 10)
      if (typeof size === 'string') return send(res, 400, invalidRequest(size, { max_results: [q.get('max_results') ?? ''] }), headers)
      const own = seed.tweets.filter((t) => t.authorId === timeline[1]).sort(newestFirst)
      const { slice, meta } = paginate(own, (t) => t.id, q, 'pagination_token', size)
      return send(res, 200, tweetPage(slice, q, meta), headers)
    }
    const follows = /^\/2\/users\/(\d+)\/(followers|following)$/.exec(url.pathname)
    if (follows) {
      const size = maxResults(q, 1, 1000, 100)
      if (typeof size === 'string') return send(res, 400, invalidRequest(size, { max_results: [q.get('max_results') ?? ''] }), headers)
      const [, id, direction] = follows
      const ids = seed.follows.filter(([a, b]) => (direction === 'followers' ? b === id : a === id)).map(([a, b]) => (direction === 'followers' ? a : b))
      const users = ids.map((uid) => seed.users.find((u) => u.id === uid)).filter((u): u is XSeedUser => u !== undefined)
      // Follow lists page by position; the token carries the last id handed out.
      const positions = users.map((u, i) => ({ u, id: String(users.length - i) }))
      const { slice, meta } = paginate(positions, (p) => p.id, q, 'pagination_token', size)
      const fields = new Set((q.get('user.fields') ?? '').split(','))
      fake.usersServed += slice.length
      const body = slice.length ? { data: slice.map((p) => userJson(p.u, fields, seed)), meta: { result_count: slice.length, ...meta } } : { meta: { result_count: 0 } }
      return send(res, 200, body, headers)
    }
    const retweetedBy = /^\/2\/tweets\/(\d+)\/retweeted_by$/.exec(url.pathname)
    if (retweetedBy) {
      // Who reposted a post, the latest first, 100 at most a page; a post it cannot give is a partial error of a 200.
      const size = maxResults(q, 1, 100, 100)
      if (typeof size === 'string') return send(res, 400, invalidRequest(size, { max_results: [q.get('max_results') ?? ''] }), headers)
      const original = seed.tweets.find((t) => t.id === retweetedBy[1])
      if (!original) return send(res, 200, { errors: [notFound('tweet', 'id', retweetedBy[1])], meta: { result_count: 0 } }, headers)
      const retweets = seed.tweets.filter((t) => t.retweetOf === original.id).sort(newestFirst)
      const { slice, meta } = paginate(retweets, (t) => t.id, q, 'pagination_token', size)
      const fields = new Set((q.get('user.fields') ?? '').split(','))
      const users = slice.map((t) => seed.users.find((u) => u.id === t.authorId)).filter((u): u is XSeedUser => u !== undefined)
      fake.usersServed += users.length
      const body = users.length ? { data: users.map((u) => userJson(u, fields, seed)), meta: { result_count: users.length, ...meta } } : { meta: { result_count: 0 } }
      return send(res, 200, body, headers)
    }
    if (url.pathname === '/2/tweets') {
      // Post lookup: 1 to 100 ids; unknown or deleted ones are partial errors of a 200.
      const ids = (q.get('ids') ?? '').split(',').filter(Boolean)
      if (ids.length === 0 || ids.length > 100) return send(res, 400, invalidRequest(`The number of values in the \`ids\` query parameter list [${ids.length}] is not between 1 and 100`, { ids: [q.get('ids') ?? ''] }), headers)
      const byId = new Map(seed.tweets.map((t) => [t.id, t]))
      const found = ids.map((id) => byId.get(id)).filter((t): t is XSeedTweet => t !== undefined)
      const fields = new Set((q.get('tweet.fields') ?? '').split(','))
      const byUsername = new Map(seed.users.map((u) => [u.username.toLowerCase(), u]))
      const body: Record<string, unknown> = {}
      if (found.length) body.data = found.map((t) => tweetJson(t, fields, byUsername))
      fake.postsServed += found.length
      const missing = ids.filter((id) => !byId.has(id))
      if (missing.length) body.errors = missing.map((id) => notFound('tweet', 'ids', id))
      return send(res, 200, body, headers)
    }
    if (url.pathname === '/2/users') {
      const ids = (q.get('ids') ?? '').split(',').filter(Boolean)
      if (ids.length === 0 || ids.length > 100) return send(res, 400, invalidRequest('The number of values in the `ids` query parameter list [0] is not between 1 and 100', { ids: [q.get('ids') ?? ''] }), headers)
      const fields = new Set((q.get('user.fields') ?? '').split(','))
      const found = ids.map((id) => seed.users.find((u) => u.id === id)).filter((u): u is XSeedUser => u !== undefined)
      const missing = ids.filter((id) => !seed.users.some((u) => u.id === id))
      const body: Record<string, unknown> = {}
      if (found.length) body.data = found.map((u) => userJson(u, fields, seed))
      fake.usersServed += found.length
      if (missing.length) body.errors = missing.map((id) => notFound('user', 'ids', id))
      return send(res, 200, body, headers)
    }
    send(res, 404, problem(404, 'Not Found Error', 'The requested resource was not found', 'https://api.twitter.com/2/problems/resource-not-found'), headers)
  }

  const faults = options.faults
    ? withFaults(handler, {
        ...options.faults,
        rateLimitHeaders: () => ({ ...rateWindow('search', false).headers, 'x-rate-limit-remaining': '0' }),
        rateLimitBody: JSON.stringify(problem(429, 'Too Many Requests', 'Too Many Requests')),
      })
    : null
  const server = await startFakeServer(faults ? faults.handler : handler)
  const fake: XFake = { ...server, seed, requests: [], overLimit: 0, postsServed: 0, usersServed: 0, faults }
  return fake
}
