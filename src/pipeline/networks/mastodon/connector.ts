// Mastodon connector, for any instance speaking the Mastodon REST API (Mastodon, GoToSocial,
// Akkoma...). Everything it returns is keyed globally: accounts by `user@domain`, posts by uri.
import type { Connector } from '../connector.ts'
import { createHttpClient, type HttpClientOptions } from '../http.ts'
import type { NormalizedAccount } from '../model.ts'
import { MastodonAccountLookup } from './account-lookup.ts'
import { mastodonAuthorPostsPage, mastodonFollowPage, type AccountPagesDeps } from './account-pages.ts'
import { MastodonIdIndex } from './id-index.ts'
import { mastodonMentionStep } from './mention-walk.ts'
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
   * Domain of the instance's own accounts, when it differs from the host of `baseUrl`
   * (instances with a separate WEB_DOMAIN). Default: the host of `baseUrl`.
   */
  localDomain?: string
}

export function createMastodonConnector(options: MastodonConnectorOptions): Connector {
  const { baseUrl, accessToken, localDomain: configuredDomain, ...httpOptions } = options
  const localDomain = (configuredDomain ?? new URL(baseUrl).host).toLowerCase()
  const token = accessToken?.trim() ? accessToken.trim() : undefined
  const http = createHttpClient({
    ...httpOptions,
    network: 'mastodon',
    rateLimitHeaders: MASTODON_RATE_LIMIT_HEADERS,
    baseUrl,
    headers: (): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` }),
  })
  const index = new MastodonIdIndex(localDomain)
  const statuses = new MastodonStatusLookup(http)
  const resolver = new MastodonReferenceResolver(statuses, index)
  const lookup = new MastodonAccountLookup(http, localDomain)
  const pages: AccountPagesDeps = { http, baseUrl, localDomain, lookup, index, resolver }
  const tokenOwner = tokenOwnerReader(http, localDomain)

  return {
    network: 'mastodon',
    capabilities: MASTODON_CAPABILITIES,
    searchPage: (spec, checkpoint, signal) =>
      mastodonMentionStep({ http, baseUrl, localDomain, hasToken: token !== undefined, index, resolver }, spec, checkpoint, signal),
    ownMentionsPage: (account, checkpoint, signal) =>
      mastodonNotificationMentionsStep({ http, baseUrl, localDomain, hasToken: token !== undefined, index, resolver, tokenOwner }, account, checkpoint, signal),
    authorPostsPage: (accountId, cursor, signal) => mastodonAuthorPostsPage(pages, accountId, cursor, signal),
    followersPage: (accountId, cursor, signal) => mastodonFollowPage(pages, 'followers', accountId, cursor, signal),
    followingPage: (accountId, cursor, signal) => mastodonFollowPage(pages, 'following', accountId, cursor, signal),
    repliesPage: (post, _cursor, signal) =>
      mastodonRepliesPage({ http, baseUrl, localDomain, index, resolver, hasToken: token !== undefined }, post, signal),
    repostsPage: (post, cursor, signal) =>
      mastodonRepostsPage({ http, baseUrl, localDomain, index, hasToken: token !== undefined }, post, cursor, signal),
    async profiles(accountIds, signal) {
      // The REST API has no batch lookup by acct; one call per account.
      const profiles: NormalizedAccount[] = []
      for (const accountId of new Set(accountIds)) {
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
  }
}
