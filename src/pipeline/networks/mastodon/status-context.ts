// The replies under a status: `GET /api/v1/statuses/:id/context`, whose `descendants` are the
// replies the instance knows, in thread order, all in one answer (Mastodon caps them itself).
// Their `in_reply_to_id`s are the instance's ids, translated to uris like any collected status.
import { z } from 'zod'
import type { ConversationPost, PostsPage } from '../connector.ts'
import { normalizeStatuses } from './normalize-status.ts'
import { unresolvedStatusIds, type MastodonReferenceResolver } from './resolve-references.ts'
import { mastodonStatusListSchema } from './schemas.ts'
import { localStatusId, type StatusReadDeps } from './status-local-id.ts'

const contextSchema = z.object({ ancestors: mastodonStatusListSchema.catch([]), descendants: mastodonStatusListSchema })

export async function mastodonRepliesPage(deps: StatusReadDeps & { resolver: MastodonReferenceResolver }, post: ConversationPost, signal?: AbortSignal): Promise<PostsPage> {
  const { id, requests: extraRequests } = await localStatusId(deps, post, signal)
  if (id === null) return { posts: [], accounts: [], cursor: null, extraRequests, skippedRead: true }
  const { body } = await deps.http.getJson(`/api/v1/statuses/${encodeURIComponent(id)}/context`, {}, contextSchema, { signal })
  const replies = body.descendants
  for (const status of [...body.ancestors, ...replies]) deps.index.learnStatus(status)
  await deps.resolver.resolve(unresolvedStatusIds(replies, deps.index), signal)
  return { ...normalizeStatuses(replies, { localDomain: deps.localDomain, index: deps.index }), cursor: null, extraRequests }
}
