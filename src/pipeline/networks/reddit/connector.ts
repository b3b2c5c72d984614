// Reddit connector (app-only OAuth, Data API listings).
// - Search covers posts (t3) only: Reddit's search API does not search comments, so `type=link`.
// - Incremental walk and checkpoint contract: see ./search-walk.ts.
// - Replies: the comment tree of a submission (./comment-tree.ts).
// - Reddit has no follower graph: followersPage/followingPage throw NotSupportedError.
// - Account ids are `t2_` fullnames; user endpoints need names, resolved through
//   /api/user_data_by_account_ids (`u/name` and bare names are accepted too).
import { ConnectorError, NotSupportedError } from '../errors.ts'
import { createHttpClient, type HttpClientOptions } from '../http.ts'
import type { Connector } from '../connector.ts'
import type { SearchSpec } from '../../query/search-spec.ts'
import { fetchProfiles, resolveNames } from './accounts.ts'
import { batchOf } from './normalize.ts'
import { INFO_MAX_IDS, redditEngagement } from './engagement.ts'
import { COMMENT_DEPTH, COMMENT_LIMIT, commentsOf, commentTreeSchema } from './comment-tree.ts'
import { postListingSchema } from './schemas.ts'
import { readCheckpoint, stepWalk } from './search-walk.ts'
import type { SessionStore } from '../session-store.ts'
import { CREDENTIALS_REFUSED, createTokenSource } from './token.ts'
import { REDDIT_CAPABILITIES, REDDIT_RATE_LIMIT_HEADERS } from './traits.ts'

export type RedditHttpOptions = Omit<HttpClientOptions, 'network' | 'baseUrl' | 'headers' | 'rateLimitHeaders'>

export interface RedditConnectorOptions extends RedditHttpOptions {
  baseUrl?: string
  tokenUrl?: string
  clientId: string
  clientSecret: string
  /** Keeps the app token between runs and processes until it expires. */
  sessionStore?: SessionStore
}

const PAGE_SIZE = 100

export function createRedditConnector(options: RedditConnectorOptions): Connector {
  const { baseUrl = 'https://oauth.reddit.com', tokenUrl = 'https://www.reddit.com/api/v1/access_token', clientId, clientSecret, sessionStore, ...httpOptions } = options
  if (!clientId || !clientSecret) {
    throw new ConnectorError('reddit', 'config', 'This Reddit source has no client id or secret: create a Reddit app and set both')
  }
  const tokenEndpoint = new URL(tokenUrl)
  const tokens = createTokenSource({
    http: createHttpClient({ ...httpOptions, network: 'reddit', rateLimitHeaders: REDDIT_RATE_LIMIT_HEADERS, baseUrl: tokenEndpoint.origin }),
    tokenPath: tokenEndpoint.pathname,
    clientId,
    clientSecret,
    now: httpOptions.now ?? Date.now,
    ...(sessionStore && { store: sessionStore }),
  })
  const http = createHttpClient({
    ...httpOptions,
    network: 'reddit',
    rateLimitHeaders: REDDIT_RATE_LIMIT_HEADERS,
    baseUrl,
    headers: async () => ({ authorization: `bearer ${await tokens.get()}` }),
  })

  /** A 401 on the API usually means the token expired early: renew it once, then give up. */
  async function call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.kind !== 'auth' || err.code === CREDENTIALS_REFUSED) throw err
      tokens.invalidate()
      try {
        return await fn()
      } catch (again) {
        if (again instanceof ConnectorError && again.kind === 'auth') {
          throw new ConnectorError('reddit', 'auth', 'Reddit refused a freshly issued token (401): check that the app of this source may use the Data API', { status: 401, cause: again })
        }
        throw again
      }
    }
  }

  const noFollowGraph = async (): Promise<never> => {
    throw new NotSupportedError('reddit', 'Reddit has no follower graph: only follower counts are available (see profiles)')
  }

  const optsOf = (signal?: AbortSignal) => (signal ? { signal } : {})
  let profileRequests = 0

  return {
    network: 'reddit',
    capabilities: REDDIT_CAPABILITIES,

    async searchPage(spec: SearchSpec, raw, signal) {
      if (spec.kind !== 'query') throw new NotSupportedError('reddit', 'Reddit has no hashtag timelines: search for the word instead')
      const checkpoint = readCheckpoint(raw)
      const query = { q: spec.q, sort: 'new', t: 'all', type: 'link', limit: PAGE_SIZE, raw_json: 1, after: checkpoint.walk?.after }
      const res = await call(() => http.getJson('/search', query, postListingSchema, optsOf(signal)))
      const page = res.body.data.children.map((child) => child.data)
      const step = stepWalk(checkpoint, page, res.body.data.after)
      return { ...batchOf(step.fresh), checkpoint: step.checkpoint, done: step.done }
    },

    async authorPostsPage(accountId, cursor, signal) {
      const names = await resolveNames(http, call, [accountId], signal)
      const name = names.get(accountId)
      if (name === undefined) throw new ConnectorError('reddit', 'not_found', `Reddit has no user ${accountId} (deleted or suspended)`)
      const query = { sort: 'new', limit: PAGE_SIZE, raw_json: 1, after: cursor ?? undefined }
      const res = await call(() => http.getJson(`/user/${encodeURIComponent(name)}/submitted`, query, postListingSchema, optsOf(signal)))
      return { ...batchOf(res.body.data.children.map((c) => c.data)), cursor: res.body.data.after }
    },

    followersPage: noFollowGraph,
    followingPage: noFollowGraph,

    profiles: (accountIds, signal) => fetchProfiles(http, call, [...new Set(accountIds)], signal, () => { profileRequests++ }),
    get profileRequests() {
      return profileRequests
    },
    engagement: (fullnames, signal) => call(() => redditEngagement(http, fullnames, signal)),
    engagementBatch: INFO_MAX_IDS,

    // One request per submission: its comment tree as Reddit loads it (comments behind `more`
    // stubs are not read).
    async repliesPage({ externalId: postId }, _cursor, signal) {
      if (!postId.startsWith('t3_')) return { posts: [], accounts: [], cursor: null }
      const query = { depth: COMMENT_DEPTH, limit: COMMENT_LIMIT, sort: 'new', raw_json: 1 }
      const res = await call(() => http.getJson(`/comments/${encodeURIComponent(postId.slice(3))}`, query, commentTreeSchema, optsOf(signal)))
      return { ...commentsOf(res.body), cursor: null }
    },
  }
}
