// Public reads on the AppView: an author's feed, followers and follows (cursor-paged; a page may
// be short or even empty and still have a cursor: only a missing cursor ends the list), and
// profiles with counts (getProfiles, at most 25 actors per call).
import type { FollowPage, PostsPage } from '../connector.ts'
import { ConnectorError, isConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import type { NormalizedAccount } from '../model.ts'
import { batchFromFeed } from './batch.ts'
import { normalizeBlueskyProfile } from './normalize.ts'
import { authorFeedOutputSchema, followersOutputSchema, followsOutputSchema, profilesOutputSchema } from './schemas.ts'

const LIST_PAGE_LIMIT = 100

/**
 * The AppView says "no such actor" with a 400 InvalidRequest; callers treat it like any other
 * network's unknown account (usually deleted or taken down).
 */
async function actorNotFoundAsNotFound<T>(request: Promise<T>): Promise<T> {
  try {
    return await request
  } catch (err) {
    if (isConnectorError(err) && err.status === 400 && /(actor|profile) not found/i.test(err.remoteDetail ?? '')) {
      throw new ConnectorError('bluesky', 'not_found', 'Bluesky answered 400 — the actor or profile was not found', { status: 400, code: err.code, cause: err })
    }
    throw err
  }
}
const PROFILES_PER_CALL = 25

export async function blueskyAuthorPostsPage(appView: HttpClient, actor: string, cursor: string | null, signal?: AbortSignal): Promise<PostsPage> {
  const { body } = await actorNotFoundAsNotFound(
    appView.getJson(
      '/xrpc/app.bsky.feed.getAuthorFeed',
      { actor, limit: LIST_PAGE_LIMIT, cursor: cursor ?? undefined, filter: 'posts_with_replies' },
      authorFeedOutputSchema,
      { signal },
    ),
  )
  return { ...batchFromFeed(body.feed), cursor: body.cursor ? body.cursor : null }
}

export async function blueskyFollowPage(
  appView: HttpClient,
  direction: 'followers' | 'following',
  actor: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<FollowPage> {
  const query = { actor, limit: LIST_PAGE_LIMIT, cursor: cursor ?? undefined }
  const { subject, list, next } = await actorNotFoundAsNotFound(
    direction === 'followers'
      ? appView
          .getJson('/xrpc/app.bsky.graph.getFollowers', query, followersOutputSchema, { signal })
          .then(({ body }) => ({ subject: body.subject, list: body.followers, next: body.cursor }))
      : appView
          .getJson('/xrpc/app.bsky.graph.getFollows', query, followsOutputSchema, { signal })
          .then(({ body }) => ({ subject: body.subject, list: body.follows, next: body.cursor })),
  )
  const accounts = list.map(normalizeBlueskyProfile)
  return {
    follows: accounts.map((account) =>
      direction === 'followers'
        ? { network: 'bluesky', followerExternalId: account.externalId, followeeExternalId: subject.did }
        : { network: 'bluesky', followerExternalId: subject.did, followeeExternalId: account.externalId },
    ),
    accounts,
    cursor: next ? next : null,
  }
}

/** Profiles of `actors`, 25 a request; `onRequest` is told of each request made. */
export async function blueskyProfiles(appView: HttpClient, actors: string[], signal?: AbortSignal, onRequest: () => void = () => {}): Promise<NormalizedAccount[]> {
  const unique = [...new Set(actors)]
  const profiles: NormalizedAccount[] = []
  for (let start = 0; start < unique.length; start += PROFILES_PER_CALL) {
    onRequest()
    const { body } = await appView.getJson(
      '/xrpc/app.bsky.actor.getProfiles',
      { actors: unique.slice(start, start + PROFILES_PER_CALL) },
      profilesOutputSchema,
      { signal },
    )
    // Unknown, deleted or taken-down actors are simply absent from the answer.
    profiles.push(...body.profiles.map(normalizeBlueskyProfile))
  }
  return profiles
}
