// Bluesky connector: public reads on an AppView, search through the user's PDS (logged in with
// an app password), since the public AppView refuses anonymous search paging.
import type { Connector } from '../connector.ts'
import { ConnectorError } from '../errors.ts'
import { createHttpClient, type HttpClientOptions } from '../http.ts'
import { blueskyAuthorPostsPage, blueskyFollowPage, blueskyProfiles } from './reads.ts'
import { blueskyEngagement, GET_POSTS_MAX } from './engagement.ts'
import { blueskySearchStep } from './search-walk.ts'
import { blueskyWindowPage } from './search-window.ts'
import { blueskyMentionsStep } from './mentions-of.ts'
import { blueskyRepostsPage } from './reposted-by.ts'
import { blueskyRepliesPage } from './post-thread.ts'
import { BlueskySession } from './session.ts'
import type { SessionStore } from '../session-store.ts'
import { BLUESKY_CAPABILITIES, BLUESKY_RATE_LIMIT_HEADERS } from './traits.ts'

export interface BlueskyConnectorOptions extends Omit<HttpClientOptions, 'network' | 'baseUrl' | 'headers' | 'rateLimitHeaders'> {
  /** Default: the public, cached AppView. */
  appViewUrl?: string
  /** The account's PDS (or the `https://bsky.social` entryway); default `https://bsky.social`. */
  pdsUrl?: string
  /** Handle, DID or email of the account that searches. */
  identifier?: string
  /** An app password (Settings → App passwords), never the account password. */
  appPassword?: string
  /** Keeps the login between runs and processes, and counts logins against Bluesky's limits. */
  sessionStore?: SessionStore
}

export const DEFAULT_APPVIEW_URL = 'https://public.api.bsky.app'
export const DEFAULT_PDS_URL = 'https://bsky.social'

export function createBlueskyConnector(options: BlueskyConnectorOptions = {}): Connector {
  const { appViewUrl = DEFAULT_APPVIEW_URL, pdsUrl = DEFAULT_PDS_URL, identifier, appPassword, sessionStore, ...httpOptions } = options
  const appView = createHttpClient({ ...httpOptions, network: 'bluesky', rateLimitHeaders: BLUESKY_RATE_LIMIT_HEADERS, baseUrl: appViewUrl })
  const pds = createHttpClient({ ...httpOptions, network: 'bluesky', rateLimitHeaders: BLUESKY_RATE_LIMIT_HEADERS, baseUrl: pdsUrl })
  const session =
    identifier?.trim() && appPassword?.trim()
      ? new BlueskySession(pds, { identifier: identifier.trim(), appPassword: appPassword.trim() }, sessionStore)
      : null

  let profileRequests = 0
  return {
    network: 'bluesky',
    capabilities: BLUESKY_CAPABILITIES,
    async searchPage(spec, checkpoint, signal) {
      if (session === null) {
        throw new ConnectorError(
          'bluesky',
          'config',
          'Bluesky search needs a login: set the identifier and an app password of an account (author feeds, follows and profiles work without one)',
        )
      }
      return blueskySearchStep(pds, session, spec, checkpoint, signal)
    },
    async searchWindowPage(spec, window, cursor, signal) {
      if (session === null) throw new ConnectorError('bluesky', 'config', 'Bluesky search needs a login: set the identifier and an app password of an account')
      return blueskyWindowPage(pds, session, spec, window, cursor, signal)
    },
    async ownMentionsPage(account, checkpoint, signal) {
      if (session === null) throw new ConnectorError('bluesky', 'config', 'Bluesky search needs a login: set the identifier and an app password of an account')
      return blueskyMentionsStep(pds, session, account, checkpoint, signal)
    },
    authorPostsPage: (accountId, cursor, signal) => blueskyAuthorPostsPage(appView, accountId, cursor, signal),
    followersPage: (accountId, cursor, signal) => blueskyFollowPage(appView, 'followers', accountId, cursor, signal),
    followingPage: (accountId, cursor, signal) => blueskyFollowPage(appView, 'following', accountId, cursor, signal),
    profiles: (accountIds, signal) => blueskyProfiles(appView, accountIds, signal, () => { profileRequests++ }),
    get profileRequests() {
      return profileRequests
    },
    engagement: (uris, signal) => blueskyEngagement(appView, uris, signal),
    engagementBatch: GET_POSTS_MAX,
    repliesPage: (post, _cursor, signal) => blueskyRepliesPage(appView, post.externalId, signal),
    repostsPage: (post, cursor, signal) => blueskyRepostsPage(appView, post, cursor, signal),
  }
}
