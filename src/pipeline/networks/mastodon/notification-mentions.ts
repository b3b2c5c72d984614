// Mentions of one of a topic's own Mastodon accounts: that account's mention notifications
// (`GET /api/v1/notifications?types[]=mention`), readable only with the account's own token.
// Search cannot stand in: a bare `@user@domain` query goes to account search, never to statuses
// (SearchService#full_text_searchable?), so without the account's token these mentions are not
// collected and the page says why. Paged by `Link: rel="next"` with `since_id` the previous run's
// newest notification, stopping at ids already seen: a notification's id is made when the instance
// receives the status, so unlike the statuses of a hashtag walk (mention-walk.ts) a late delivery
// still sorts after what was seen and needs no overlap.
import { z } from 'zod'
import type { Checkpoint, OwnMentionsPage } from '../connector.ts'
import { ConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import { acctHandle } from './acct.ts'
import { afterPage, readMastodonCheckpoint } from './checkpoint.ts'
import type { MentionWalkDeps } from './mention-walk.ts'
import { linkWithRel } from './link-header.ts'
import { pathOf } from './mention-pages.ts'
import { normalizeStatuses } from './normalize-status.ts'
import { unresolvedStatusIds } from './resolve-references.ts'
import { mastodonAccountSchema, mastodonStatusSchema } from './schemas.ts'

export const NOTIFICATIONS_PAGE_LIMIT = 80
const PATH = '/api/v1/notifications'

const notificationListSchema = z.array(z.object({ id: z.string(), type: z.string(), created_at: z.string(), status: mastodonStatusSchema.nullish() }))

export interface NotificationMentionDeps extends MentionWalkDeps {
  /** The token's own account, `user@domain`, read once per connector. */
  tokenOwner(signal?: AbortSignal): Promise<string>
}

export function tokenOwnerReader(http: HttpClient, localDomain: string, onRequest: () => void = () => {}): (signal?: AbortSignal) => Promise<string> {
  let owner: Promise<string> | null = null
  return (signal) => {
    if (owner === null) onRequest()
    owner ??= http.getJson('/api/v1/accounts/verify_credentials', {}, mastodonAccountSchema, { signal })
      .then(({ body }) => acctHandle(body.acct, localDomain).toLowerCase())
      .catch((error: unknown) => { owner = null; throw error })
    return owner
  }
}

const unavailable = (stored: Checkpoint | null, why: string): OwnMentionsPage => ({ posts: [], accounts: [], checkpoint: stored ?? {}, done: true, unavailable: why })

export async function mastodonNotificationMentionsStep(deps: NotificationMentionDeps, account: string, stored: Checkpoint | null, signal?: AbortSignal): Promise<OwnMentionsPage> {
  const wanted = account.trim().replace(/^@/, '').toLowerCase()
  const full = wanted.includes('@') ? wanted : `${wanted}@${deps.localDomain}`
  // Notifications live on the account's home instance: a source on another instance has none to read.
  if (full.slice(full.indexOf('@') + 1) !== deps.localDomain) return { posts: [], accounts: [], checkpoint: stored ?? {}, done: true, elsewhere: true }
  if (!deps.hasToken) return unavailable(stored, `mentions of @${full} are read from its notifications, which need that account's own access token on the source`)
  let owner: string
  try {
    owner = await deps.tokenOwner(signal)
  } catch (error) {
    // A server without the endpoint, or a token it refuses: not this source's to read, said once per run.
    if (error instanceof ConnectorError && (error.kind === 'not_found' || error.kind === 'auth' || error.kind === 'forbidden')) {
      return unavailable(stored, `mentions of @${full} are read from its notifications, but this source's token could not be checked (${error.kind})`)
    }
    throw error
  }
  if (owner !== full) return unavailable(stored, `mentions of @${full} are read from its notifications, but this source's token belongs to @${owner}`)

  const checkpoint = readMastodonCheckpoint(stored)
  const sinceId = checkpoint.previousNewest?.ids[0]
  const response = checkpoint.nextUrl === null
    ? await deps.http.getJson(PATH, { 'types[]': 'mention', limit: NOTIFICATIONS_PAGE_LIMIT, since_id: sinceId }, notificationListSchema, { signal })
    : await deps.http.getJson(checkpoint.nextUrl, { since_id: sinceId }, notificationListSchema, { signal })
  const notifications = response.body
  const seen = new Set(checkpoint.previousNewest?.ids ?? [])
  const seenAt = notifications.findIndex((n) => seen.has(n.id))
  const fresh = seenAt === -1 ? notifications : notifications.slice(0, seenAt)
  const statuses = fresh.flatMap((n) => (n.type === 'mention' && n.status ? [n.status] : []))

  for (const status of statuses) deps.index.learnStatus(status)
  await deps.resolver.resolve(unresolvedStatusIds(statuses, deps.index), signal)
  const batch = normalizeStatuses(statuses, { localDomain: deps.localDomain, index: deps.index })

  const link = linkWithRel(response.headers.get('link'), 'next')
  const nextUrl = link !== null && notifications.length > 0 ? pathOf(link, deps.baseUrl) : null
  const { checkpoint: next, done } = afterPage(checkpoint, fresh, { nextUrl, nextOffset: null }, seenAt !== -1)
  return { ...batch, checkpoint: next, done }
}
