// X API v2 connector (app-only bearer token).
// - Recent search (last 7 days), incremental through since_id less an index overlap: contract in ./search-walk.ts.
// - Partial errors (HTTP 200 with `errors[]`, e.g. a referenced post that was deleted) never fail
//   a page: the data is kept, the errors are returned as `partialErrors` on the page and passed
//   to `onPartialErrors` for logging.
// - Retweets unwrap their original from `includes` as a post of its own (./normalize.ts).
// - A spent usage cap (429 UsageCapExceeded) fails at once in the HTTP layer: waiting will not help.
// - X bills every post and user it returns: the connector counts them (`billedPostReads`,
//   `billedUserReads`); the engagement refresh reads at most `refreshReadsPerRun` posts a run, and
//   who reposted matched posts (./retweeted-by.ts) at most `repostReadsPerRun` users (./billed-reads.ts),
//   the last page of a run asking only for what is left.
import { ConnectorError } from '../errors.ts'
import { createHttpClient, type HttpClientOptions } from '../http.ts'
import type { Connector, FollowPage, PostsPage, SearchPage } from '../connector.ts'
import type { SearchSpec } from '../../query/search-spec.ts'
import type { NormalizedFollow } from '../model.ts'
import { maxId, tweetQuery, USER_FIELDS, xRateLimitBucket } from './fields.ts'
import { batchFromTweets, normalizeUser } from './normalize.ts'
import { tweetListSchema, userListSchema, type XPartialError } from './schemas.ts'
import { POST_LOOKUP_MAX, xEngagement } from './engagement.ts'
import { EMPTY_X_CHECKPOINT, readXCheckpoint, sinceIdWithOverlap, type XCheckpoint } from './search-walk.ts'
import { X_CAPABILITIES, X_RATE_LIMIT_HEADERS } from './traits.ts'
import { DEFAULT_X_REFRESH_READS_PER_RUN, DEFAULT_X_REPOST_READS_PER_RUN } from './billed-reads.ts'
import type { XTweetList, XUserList } from './schemas.ts'
import { RETWEETED_BY_MAX, RETWEETED_BY_MIN, xRepostsPage } from './retweeted-by.ts'
import { xMentionsQuery } from './mentions-of.ts'

export interface XConnectorOptions extends Omit<HttpClientOptions, 'network' | 'baseUrl' | 'headers' | 'rateLimitHeaders'> {
  baseUrl?: string
  bearerToken: string
  /** Posts the engagement refresh may read per run (default from ./billed-reads.ts). */
  refreshReadsPerRun?: number
  /** Reposters the repost pass may read per run, by pages of up to 100 (default from ./billed-reads.ts). */
  repostReadsPerRun?: number
  onPartialErrors?: (errors: XPartialError[], context: { endpoint: string }) => void
}

export interface XSearchPage extends SearchPage {
  partialErrors: XPartialError[]
}

export interface XConnector extends Connector {
  searchPage(spec: SearchSpec, checkpoint: Record<string, unknown> | null, signal?: AbortSignal): Promise<XSearchPage>
}

const SEARCH_PAGE_SIZE = 100
const FOLLOW_PAGE_SIZE = 1000
const IDS_PER_LOOKUP = 100

export function createXConnector(options: XConnectorOptions): XConnector {
  const { baseUrl = 'https://api.x.com', bearerToken, onPartialErrors, refreshReadsPerRun = DEFAULT_X_REFRESH_READS_PER_RUN, repostReadsPerRun = DEFAULT_X_REPOST_READS_PER_RUN, ...httpOptions } = options
  if (!bearerToken) throw new ConnectorError('x', 'config', 'This X source has no bearer token: create one in the X developer portal and set it')
  const http = createHttpClient({
    rateLimitBucket: xRateLimitBucket,
    ...httpOptions,
    network: 'x',
    rateLimitHeaders: X_RATE_LIMIT_HEADERS,
    baseUrl,
    headers: () => ({ authorization: `Bearer ${bearerToken}` }),
  })
  const optsOf = (signal?: AbortSignal) => (signal ? { signal } : {})
  let postReads = 0
  let userReads = 0
  let profileRequests = 0
  /** Reposters listed so far this run, against `repostReadsPerRun`. */
  let reposterReads = 0
  /** Every post of an answer is billed, those X adds to `includes` (the originals of retweets, quotes and replies) too, and the users it includes. */
  function billed<T extends { body: XTweetList }>(res: T): T {
    const body = res.body
    postReads += (body.data?.length ?? 0) + (body.includes?.tweets?.length ?? 0) + (body.includes?.posts?.length ?? 0)
    userReads += body.includes?.users?.length ?? 0
    return res
  }
  function billedUsers<T extends { body: XUserList }>(res: T): T {
    userReads += res.body.data?.length ?? 0
    return res
  }

  /** The HTTP layer's 401 message, made specific to what an X source is configured with. */
  async function call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'auth') {
        throw new ConnectorError('x', 'auth', `X refused the bearer token (${err.status ?? 401}): check the bearer token of this source`, { status: err.status ?? 401, cause: err })
      }
      throw err
    }
  }

  function report(errors: XPartialError[] | undefined, endpoint: string): XPartialError[] {
    if (errors && errors.length > 0) onPartialErrors?.(errors, { endpoint })
    return errors ?? []
  }

  async function search(q: string, checkpoint: XCheckpoint, signal?: AbortSignal) {
    const query = { query: q, max_results: SEARCH_PAGE_SIZE, since_id: checkpoint.sinceId === null ? undefined : sinceIdWithOverlap(checkpoint.sinceId), next_token: checkpoint.walk?.nextToken, ...tweetQuery }
    return billed(await call(() => http.getJson('/2/tweets/search/recent', query, tweetListSchema, optsOf(signal))))
  }

  /**
   * Recent search refuses a since_id older than its 7-day window (400). After a long pause the
   * stored since_id is such an id: the walk restarts over the whole window instead of failing
   * forever (posts seen before are upserted, not duplicated).
   */
  async function searchFrom(q: string, checkpoint: XCheckpoint, signal?: AbortSignal) {
    try {
      return { checkpoint, res: await search(q, checkpoint, signal) }
    } catch (err) {
      if (!(err instanceof ConnectorError && err.kind === 'bad_request' && checkpoint.sinceId !== null && /since_id/.test(err.remoteDetail ?? ''))) throw err
      const restart = EMPTY_X_CHECKPOINT
      return { checkpoint: restart, res: await search(q, restart, signal) }
    }
  }

  async function followPage(direction: 'followers' | 'following', accountId: string, cursor: string | null, signal?: AbortSignal): Promise<FollowPage> {
    const path = `/2/users/${encodeURIComponent(accountId)}/${direction}`
    const query = { max_results: FOLLOW_PAGE_SIZE, pagination_token: cursor ?? undefined, 'user.fields': USER_FIELDS }
    const res = billedUsers(await call(() => http.getJson(path, query, userListSchema, optsOf(signal))))
    report(res.body.errors, path)
    const users = res.body.data ?? []
    const follows: NormalizedFollow[] = users.map((u) =>
      direction === 'followers'
        ? { network: 'x', followerExternalId: u.id, followeeExternalId: accountId }
        : { network: 'x', followerExternalId: accountId, followeeExternalId: u.id },
    )
    return { follows, accounts: users.map(normalizeUser), cursor: res.body.meta?.next_token ?? null }
  }

  const connector: XConnector = {
    network: 'x',
    capabilities: X_CAPABILITIES,

    ownMentionsPage: (account, raw, signal) => connector.searchPage({ kind: 'query', q: xMentionsQuery(account) }, raw, signal),

    async searchPage(spec, raw, signal): Promise<XSearchPage> {
      const q = spec.kind === 'hashtag' ? `#${spec.tag}` : spec.q
      const { checkpoint, res } = await searchFrom(q, readXCheckpoint(raw), signal)
      const body = res.body
      const pageNewest = (body.data ?? []).reduce<string | null>((acc, t) => maxId(acc, t.id), body.meta?.newest_id ?? null)
      const walkNewest = maxId(checkpoint.walk?.newestId ?? null, pageNewest)
      const nextToken = body.meta?.next_token
      const next: XCheckpoint = nextToken
        ? { v: 1, sinceId: checkpoint.sinceId, walk: { nextToken, newestId: walkNewest } }
        : { v: 1, sinceId: maxId(checkpoint.sinceId, walkNewest), walk: null }
      return { ...batchFromTweets(body), checkpoint: next, done: !nextToken, partialErrors: report(body.errors, '/2/tweets/search/recent') }
    },

    async authorPostsPage(accountId, cursor, signal): Promise<PostsPage> {
      const path = `/2/users/${encodeURIComponent(accountId)}/tweets`
      const query = { max_results: SEARCH_PAGE_SIZE, pagination_token: cursor ?? undefined, ...tweetQuery }
      const res = billed(await call(() => http.getJson(path, query, tweetListSchema, optsOf(signal))))
      report(res.body.errors, path)
      return { ...batchFromTweets(res.body), cursor: res.body.meta?.next_token ?? null }
    },

    followersPage: (accountId, cursor, signal) => followPage('followers', accountId, cursor, signal),
    followingPage: (accountId, cursor, signal) => followPage('following', accountId, cursor, signal),

    async profiles(accountIds, signal) {
      const ids = [...new Set(accountIds)]
      const accounts = []
      for (let i = 0; i < ids.length; i += IDS_PER_LOOKUP) {
        const chunk = ids.slice(i, i + IDS_PER_LOOKUP)
        profileRequests++
        const res = billedUsers(await call(() => http.getJson('/2/users', { ids: chunk.join(','), 'user.fields': USER_FIELDS }, userListSchema, optsOf(signal))))
        // Unknown and suspended ids come back as partial errors: they are left out.
        report(res.body.errors, '/2/users')
        accounts.push(...(res.body.data ?? []).map(normalizeUser))
      }
      return accounts
    },

    engagement: (ids, signal) => call(() => xEngagement(http, ids, report, signal, (posts) => { postReads += posts })),
    engagementBatch: POST_LOOKUP_MAX,
    engagementReadsPerRun: refreshReadsPerRun,
    billedPostReads: () => postReads,
    billedUserReads: () => userReads,
    get profileRequests() {
      return profileRequests
    },

    // Each page asks for what is left of the run's `repostReadsPerRun`, 100 at most: a setting of 50
    // reads one page of 50, one of 150 a page of 100 then one of up to 50. The pass makes at most
    // `repostPagesPerRun` requests, so something is always left when a page is asked for (each
    // page before it returned 100 users at most).
    async repostsPage(post, cursor, signal) {
      const left = repostReadsPerRun - reposterReads
      if (left < RETWEETED_BY_MIN) throw new ConnectorError('x', 'config', `This source's repostReadsPerRun (${repostReadsPerRun}) is spent for this run`)
      return call(() => xRepostsPage(http, post, cursor, Math.min(RETWEETED_BY_MAX, left), (body, path) => {
        userReads += body.data?.length ?? 0
        reposterReads += body.data?.length ?? 0
        report(body.errors, path)
      }, signal))
    },
    repostPagesPerRun: Math.ceil(repostReadsPerRun / RETWEETED_BY_MAX),
  }
  return connector
}
