// Mastodon connector, for any instance speaking the Mastodon REST API (Mastodon, GoToSocial,
// Akkoma...). Everything it returns is keyed globally: accounts by `user@domain`, posts by uri.
import type { Connector } from '../connector.ts'
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http.ts'
import type { SessionStore } from '../session-store.ts'
import type { NormalizedAccount } from '../model.ts'
import { MastodonAccountLookup } from './account-lookup.ts'
import { mastodonAuthorPostsPage, mastodonFollowPage, type AccountPagesDeps } from './account-pages.ts'
import { MastodonIdIndex } from './id-index.ts'
import { mastodonMentionStep, type MentionWalkDeps } from './mention-walk.ts'
import { instanceDomain } from './instance-domain.ts'
import { requireSearchToken } from './mention-pages.ts'
import type { StatusReadDeps } from './status-local-id.ts'
import { mastodonNotificationMentionsStep, tokenOwnerReader } from './notification-mentions.ts'
import { normalizeMastodonAccount } from './normalize-account.ts'
import { MastodonReferenceResolver } from './resolve-references.ts'
import { MastodonStatusLookup } from './status-lookup.ts'
import { mastodonEngagement } from './engagement.ts'
import { mastodonRepostsPage } from './reblogged-by.ts'
import { mastodonRepliesPage } from './status-context.ts'
import { MASTODON_CAPABILITIES, MASTODON_RATE_LIMIT_HEADERS } from './traits.ts'

export interface MastodonConnectorOptions extends Omit<HttpClientOptions, 'network' | 'baseUrl' | 'headers' | 'rateLimitHeaders'> {
  /** The instance, e.g. `https://mastodon.social`. */
  baseUrl: string
  /** A user token (scope `read`); needed for full-text search only. */
  accessToken?: string
  /**
   * Domain of the instance's own accounts, when set by the source (no request is then made).
   * Default: what the instance says (`/api/v2/instance` `domain`, see instance-domain.ts).
   */
  localDomain?: string
  /** Where the instance's account domain is kept once read, so later runs do not ask again. */
  sessionStore?: SessionStore
}

export function createMastodonConnector(options: MastodonConnectorOptions): Connector {
  const { baseUrl, accessToken, localDomain: configuredDomain, sessionStore, ...httpOptions } = options
  const token = accessToken?.trim() ? accessToken.trim() : undefined
  const hasToken = token !== undefined
  const http = createHttpClient({
    ...httpOptions,
    network: 'mastodon',
    rateLimitHeaders: MASTODON_RATE_LIMIT_HEADERS,
    baseUrl,
    headers: (): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` }),
  })
  const statuses = new MastodonStatusLookup(http)
  const domain = instanceDomain(http, baseUrl, configuredDomain?.trim() || undefined, sessionStore)
  let profileRequests = 0
  const counts: RequestCounts = { references: 0, tokenOwner: 0 }
  // Everything that names accounts needs the instance's account domain: built once it is known.
  let parts: Promise<Parts> | null = null
  const ready = (signal?: AbortSignal): Promise<Parts> => {
    parts ??= domain.get(signal).then((localDomain) => partsFor(http, baseUrl, localDomain, hasToken, statuses, counts))
      .catch((error: unknown) => { parts = null; throw error })
    return parts
  }

  return {
    network: 'mastodon',
    capabilities: MASTODON_CAPABILITIES,
    searchPage: async (spec, checkpoint, signal) => {
      requireSearchToken(spec, hasToken)
      return mastodonMentionStep((await ready(signal)).walk, spec, checkpoint, signal)
    },
    ownMentionsPage: async (account, checkpoint, signal) => {
      const { walk, tokenOwner } = await ready(signal)
      return mastodonNotificationMentionsStep({ ...walk, tokenOwner }, account, checkpoint, signal)
    },
    authorPostsPage: async (accountId, cursor, signal) => mastodonAuthorPostsPage((await ready(signal)).pages, accountId, cursor, signal),
    followersPage: async (accountId, cursor, signal) => mastodonFollowPage((await ready(signal)).pages, 'followers', accountId, cursor, signal),
    followingPage: async (accountId, cursor, signal) => mastodonFollowPage((await ready(signal)).pages, 'following', accountId, cursor, signal),
    repliesPage: async (post, _cursor, signal) => {
      const { read, resolver } = await ready(signal)
      return mastodonRepliesPage({ ...read, resolver }, post, signal)
    },
    repostsPage: async (post, cursor, signal) => mastodonRepostsPage((await ready(signal)).read, post, cursor, signal),
    async profiles(accountIds, signal) {
      const { lookup, localDomain } = await ready(signal)
      // The REST API has no batch lookup by acct; one call per account.
      const profiles: NormalizedAccount[] = []
      for (const accountId of new Set(accountIds)) {
        profileRequests++
        const account = await lookup.refresh(accountId, signal)
        if (account !== null) profiles.push(normalizeMastodonAccount(account, localDomain))
      }
      return profiles
    },
    engagement: (ids, signal) => mastodonEngagement(statuses, ids, signal),
    get engagementBatch() {
      return statuses.perRequest
    },
    readsByReadId: true,
    get setupRequests() {
      return domain.requests + counts.tokenOwner
    },
    get referenceRequests() {
      return counts.references
    },
    get profileRequests() {
      return profileRequests
    },
  }
}

interface Parts {
  localDomain: string
  walk: MentionWalkDeps
  pages: AccountPagesDeps
  read: StatusReadDeps
  resolver: MastodonReferenceResolver
  lookup: MastodonAccountLookup
  tokenOwner: (signal?: AbortSignal) => Promise<string>
}

/** Requests the connector makes on the side of its reads, counted in the run's stats. */
interface RequestCounts {
  /** Statuses looked up because collected ones reply to or quote them (`referenceRequests`). */
  references: number
  /** Whose the access token is (`verify_credentials`, once per connector; part of `setupRequests`). */
  tokenOwner: number
}

function partsFor(http: HttpClient, baseUrl: string, localDomain: string, hasToken: boolean, statuses: MastodonStatusLookup, counts: RequestCounts): Parts {
  const index = new MastodonIdIndex(localDomain)
  const resolver = new MastodonReferenceResolver(statuses, index, () => { counts.references++ })
  const lookup = new MastodonAccountLookup(http, localDomain)
  return {
    localDomain,
    walk: { http, baseUrl, localDomain, hasToken, index, resolver },
    pages: { http, baseUrl, localDomain, lookup, index, resolver },
    read: { http, baseUrl, localDomain, index, hasToken },
    resolver,
    lookup,
    tokenOwner: tokenOwnerReader(http, localDomain, () => { counts.tokenOwner++ }),
  }
}
