// Followers, following and an account's statuses: lists paged only by the `Link: rel="next"` URL
// (follow lists are keyed by relationship ids the body never shows). The cursor is that URL's
// path and query.
import type { FollowPage, PostsPage } from '../connector.ts'
import { ConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import type { NormalizedFollow } from '../model.ts'
import { acctId } from './acct.ts'
import type { MastodonAccountLookup } from './account-lookup.ts'
import type { MastodonIdIndex } from './id-index.ts'
import { linkWithRel } from './link-header.ts'
import { pathOf, STATUSES_PAGE_LIMIT } from './mention-pages.ts'
import { normalizeMastodonAccount } from './normalize-account.ts'
import { normalizeStatuses } from './normalize-status.ts'
import { unresolvedStatusIds, type MastodonReferenceResolver } from './resolve-references.ts'
import { mastodonAccountListSchema, mastodonStatusListSchema } from './schemas.ts'

/** The most accounts Mastodon returns per follow-list page (twice its default of 40). */
const ACCOUNTS_PAGE_LIMIT = 80

export interface AccountPagesDeps {
  http: HttpClient
  baseUrl: string
  localDomain: string
  lookup: MastodonAccountLookup
  index: MastodonIdIndex
  resolver: MastodonReferenceResolver
}

async function localId(deps: AccountPagesDeps, accountId: string, signal?: AbortSignal): Promise<string> {
  const account = await deps.lookup.find(accountId, signal)
  if (account === null) throw new ConnectorError('mastodon', 'not_found', `Mastodon at ${deps.baseUrl} does not know the account ${accountId}`)
  return account.id
}

export async function mastodonFollowPage(
  deps: AccountPagesDeps,
  direction: 'followers' | 'following',
  accountId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<FollowPage> {
  const subject = acctId(accountId, deps.localDomain)
  const response =
    cursor === null
      ? await deps.http.getJson(
          `/api/v1/accounts/${encodeURIComponent(await localId(deps, accountId, signal))}/${direction}`,
          { limit: ACCOUNTS_PAGE_LIMIT },
          mastodonAccountListSchema,
          { signal },
        )
      : await deps.http.getJson(cursor, {}, mastodonAccountListSchema, { signal })
  // Hidden collections, suspended or blocking accounts answer `200 []`: an empty list, not an error.
  const accounts = response.body.map((account) => normalizeMastodonAccount(account, deps.localDomain))
  const follows: NormalizedFollow[] = accounts.map((account) =>
    direction === 'followers'
      ? { network: 'mastodon', followerExternalId: account.externalId, followeeExternalId: subject }
      : { network: 'mastodon', followerExternalId: subject, followeeExternalId: account.externalId },
  )
  const next = accounts.length === 0 ? null : linkWithRel(response.headers.get('link'), 'next')
  return { follows, accounts, cursor: next === null ? null : pathOf(next, deps.baseUrl) }
}

export async function mastodonAuthorPostsPage(
  deps: AccountPagesDeps,
  accountId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<PostsPage> {
  const response =
    cursor === null
      ? await deps.http.getJson(
          `/api/v1/accounts/${encodeURIComponent(await localId(deps, accountId, signal))}/statuses`,
          { limit: STATUSES_PAGE_LIMIT },
          mastodonStatusListSchema,
          { signal },
        )
      : await deps.http.getJson(cursor, {}, mastodonStatusListSchema, { signal })
  const statuses = response.body
  for (const status of statuses) deps.index.learnStatus(status)
  await deps.resolver.resolve(unresolvedStatusIds(statuses, deps.index), signal)
  const batch = normalizeStatuses(statuses, { localDomain: deps.localDomain, index: deps.index })
  const next = statuses.length === 0 ? null : linkWithRel(response.headers.get('link'), 'next')
  return { ...batch, cursor: next === null ? null : pathOf(next, deps.baseUrl) }
}
