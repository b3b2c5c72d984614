// A local Reddit speaking the Data API wire format: token endpoint (Basic auth, form body),
// bearer-checked listings with `after`, X-Ratelimit-* headers, JSON and HTML errors.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody, startFakeServer, withFaults, type FaultInjector, type FaultOptions, type Handler, type RunningServer } from '../fault-injection.ts'
import type { RedditSeed, RedditSeedPost } from './seed.ts'
import { COMMENT_DEPTH_MAX, COMMENT_LIMIT_MAX, commentTree, listing, redditError, serialize, t1, t2About, t3 } from './wire.ts'

export interface RedditFakeOptions {
  seed: RedditSeed
  clientId?: string
  clientSecret?: string
  tokenTtlSeconds?: number
  now?: () => number
  /** Requests per window (Reddit: 100/min averaged over 10 min). */
  rateLimit?: { limit: number; windowSeconds: number }
  faults?: Omit<FaultOptions, 'rateLimitHeaders' | 'rateLimitBody'>
}

export interface RedditFake extends RunningServer {
  seed: RedditSeed
  tokensIssued: number
  /** Requests refused with 429 because the client went over its window. */
  overLimit: number
  apiRequests: number
  /** Every API request after the token check, in order. */
  requests: Array<{ path: string; query: URLSearchParams }>
  /** `/comments/{id}` requests served. */
  commentRequests: number
  faults: FaultInjector | null
  /** Tokens stop working before their expiry, as when Reddit revokes them. */
  revokeTokens(): void
}

const byNewest = (a: RedditSeedPost, b: RedditSeedPost) =>
  b.createdUtc - a.createdUtc || b.id.length - a.id.length || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0)

const WHOA_PAGE = '<!doctype html><html><head><title>Too Many Requests</title></head><body><h1>whoa there, pardner!</h1><p>please use a unique and descriptive user agent</p></body></html>'

export async function startRedditFake(options: RedditFakeOptions): Promise<RedditFake> {
  const clientId = options.clientId ?? 'fake-client-id'
  const clientSecret = options.clientSecret ?? 'fake-client-secret'
  const now = options.now ?? Date.now
  const window = options.rateLimit ?? { limit: 600, windowSeconds: 600 }
  const tokens = new Map<string, number>()
  const perWindow = new Map<number, number>()
  const users = () => new Map(options.seed.users.map((u) => [u.name, u]))

  function rateHeaders(countIt: boolean): Record<string, string> {
    const start = Math.floor(now() / 1000 / window.windowSeconds) * window.windowSeconds
    const used = (perWindow.get(start) ?? 0) + (countIt ? 1 : 0)
    if (countIt) perWindow.set(start, used)
    return {
      'X-Ratelimit-Used': String(used),
      'X-Ratelimit-Remaining': `${Math.max(0, window.limit - used)}.0`,
      'X-Ratelimit-Reset': String(Math.ceil(start + window.windowSeconds - now() / 1000)),
    }
  }

  function send(res: ServerResponse, status: number, body: unknown, raw: boolean, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers })
    res.end(serialize(body, raw))
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req))
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`
    if (req.headers.authorization !== expected) return send(res, 401, redditError(401, 'Unauthorized'), true)
    if (form.get('grant_type') !== 'client_credentials') return send(res, 200, { error: 'unsupported_grant_type' }, true)
    const accessToken = `-${randomBytes(12).toString('hex')}`
    const ttl = options.tokenTtlSeconds ?? 86_400
    tokens.set(accessToken, now() + ttl * 1000)
    fake.tokensIssued++
    send(res, 200, { access_token: accessToken, token_type: 'bearer', expires_in: ttl, scope: '*' }, true)
  }

  function api(req: IncomingMessage, res: ServerResponse, url: URL) {
    const raw = url.searchParams.get('raw_json') === '1'
    const bearer = /^bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const expiresAt = bearer ? tokens.get(bearer) : undefined
    if (expiresAt === undefined || expiresAt <= now()) return send(res, 401, redditError(401, 'Unauthorized'), raw)
    fake.apiRequests++
    fake.requests.push({ path: url.pathname, query: url.searchParams })
    const headers = rateHeaders(true)
    if (Number(headers['X-Ratelimit-Remaining']) <= 0 && Number(headers['X-Ratelimit-Used']) > window.limit) {
      fake.overLimit++
      return send(res, 429, redditError(429, 'Too Many Requests'), raw, headers)
    }
    const userIndex = users()
    const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 25))
    const page = (posts: RedditSeedPost[]) => {
      const sorted = [...posts].sort(byNewest)
      const after = url.searchParams.get('after')
      let start = 0
      if (after) {
        const at = sorted.findIndex((p) => `t3_${p.id}` === after)
        // An `after` that is no longer in the listing ends it (as on Reddit).
        if (at < 0) return listing([], null)
        start = at + 1
      }
      const slice = sorted.slice(start, start + limit)
      const more = start + limit < sorted.length
      return listing(slice.map((p) => t3(p, userIndex)), more && slice.length > 0 ? `t3_${slice[slice.length - 1].id}` : null)
    }

    if (url.pathname === '/search') {
      const terms = (url.searchParams.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean)
      // A post not yet in the search index is not found (the listings and /api/info have it already).
      const indexed = (p: RedditSeedPost) => p.indexedUtc === undefined || p.indexedUtc * 1000 <= now()
      const hits = options.seed.posts.filter((p) => indexed(p) && terms.every((term) => `${p.title} ${p.selftext ?? ''}`.toLowerCase().includes(term)))
      return send(res, 200, page(hits), raw, headers)
    }
    const submitted = /^\/user\/([^/]+)\/submitted$/.exec(url.pathname)
    if (submitted) {
      const user = userIndex.get(decodeURIComponent(submitted[1]))
      if (!user || user.suspended) return send(res, 404, redditError(404, 'Not Found'), raw, headers)
      return send(res, 200, page(options.seed.posts.filter((p) => p.author === user.name)), raw, headers)
    }
    const comments = /^\/comments\/([a-z0-9]+)$/.exec(url.pathname)
    if (comments) {
      const post = options.seed.posts.find((p) => p.id === comments[1])
      if (!post) return send(res, 404, redditError(404, 'Not Found'), raw, headers)
      fake.commentRequests++
      const depth = Math.min(COMMENT_DEPTH_MAX, Number(url.searchParams.get('depth') ?? COMMENT_DEPTH_MAX))
      const max = Math.min(COMMENT_LIMIT_MAX, Number(url.searchParams.get('limit') ?? COMMENT_LIMIT_MAX))
      return send(res, 200, commentTree(post, (options.seed.comments ?? []).filter((c) => c.postId === post.id), userIndex, depth, max), raw, headers)
    }
    const about = /^\/user\/([^/]+)\/about$/.exec(url.pathname)
    if (about) {
      const user = userIndex.get(decodeURIComponent(about[1]))
      if (!user) return send(res, 404, redditError(404, 'Not Found'), raw, headers)
      return send(res, 200, t2About(user), raw, headers)
    }
    if (url.pathname === '/api/info') {
      // Things by fullname (submissions and comments), at most 100 (the listing limit), in the order
      // asked; unknown ones left out. A comment comes without its replies, as /api/info gives it.
      const wanted = (url.searchParams.get('id') ?? '').split(',').filter(Boolean)
      if (wanted.length > 100) return send(res, 400, redditError(400, 'Bad Request'), raw, headers)
      const byName = new Map<string, unknown>(options.seed.posts.map((p) => [`t3_${p.id}`, t3(p, userIndex)]))
      for (const c of options.seed.comments ?? []) {
        const post = options.seed.posts.find((p) => p.id === c.postId)
        if (post) byName.set(`t1_${c.id}`, t1(c, post, userIndex, []))
      }
      const found = wanted.flatMap((name) => (byName.has(name) ? [byName.get(name)] : []))
      return send(res, 200, listing(found, null), raw, headers)
    }
    if (url.pathname === '/api/user_data_by_account_ids') {
      const wanted = (url.searchParams.get('ids') ?? '').split(',')
      const found: Record<string, unknown> = {}
      for (const user of options.seed.users) {
        const fullname = `t2_${user.id}`
        if (wanted.includes(fullname) && !user.suspended) {
          found[fullname] = { name: user.name, created_utc: 1_600_000_000.0, link_karma: 10, comment_karma: 20, profile_img: '', profile_color: '', profile_over_18: false }
        }
      }
      if (Object.keys(found).length === 0) return send(res, 404, redditError(404, 'Not Found'), raw, headers)
      return send(res, 200, found, raw, headers)
    }
    send(res, 404, redditError(404, 'Not Found'), raw, headers)
  }

  const handler: Handler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake.reddit')
    const ua = req.headers['user-agent'] ?? ''
    if (ua === '' || /^(undici|node)\b/i.test(ua)) {
      res.writeHead(429, { 'Content-Type': 'text/html; charset=UTF-8' })
      return res.end(WHOA_PAGE)
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/access_token') return token(req, res)
    if (req.method !== 'GET') return send(res, 405, redditError(405, 'Method Not Allowed'), true)
    return api(req, res, url)
  }

  const faults = options.faults
    ? withFaults(handler, {
        ...options.faults,
        rateLimitHeaders: () => ({ ...rateHeaders(false), 'X-Ratelimit-Remaining': '0.0' }),
        rateLimitBody: JSON.stringify(redditError(429, 'Too Many Requests')),
      })
    : null
  const server = await startFakeServer(faults ? faults.handler : handler)
  const fake: RedditFake = {
    ...server,
    seed: options.seed,
    tokensIssued: 0,
    overLimit: 0,
    apiRequests: 0,
    requests: [],
    commentRequests: 0,
    faults,
    revokeTokens: () => tokens.clear(),
  }
  return fake
}
