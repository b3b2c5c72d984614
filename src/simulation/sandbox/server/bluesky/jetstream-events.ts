// The sandbox's Bluesky posts as Jetstream v1 events (shared/reference/network-apis.md §3.7): a
// post create per Bluesky post, its record exactly as the AppView serves it, time_us its creation
// time in microseconds (one post per millisecond, so time_us is unique and increasing, as a cursor
// needs). Reposts are not published: the sandbox serves `app.bsky.feed.post` creates only.
import { PostKind } from '../../types.ts'
import type { SandboxView } from '../sandbox-view.ts'
import { postCid, postRecord, postUri } from './views.ts'

export const POST_COLLECTION = 'app.bsky.feed.post'

export interface JetstreamPostEvent {
  did: string
  time_us: number
  kind: 'commit'
  commit: { rev: string; operation: 'create'; collection: string; rkey: string; cid: string; record: Record<string, unknown> }
}

/** Index of the first post created at or after `timeUs` (unix µs). */
export function firstPostAtOrAfter(view: SandboxView, timeUs: number): number {
  const createdAt = view.data.posts.createdAt
  let low = 0
  let high = createdAt.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (createdAt[middle] * 1000 < timeUs) low = middle + 1
    else high = middle
  }
  return low
}

/** The post's create event, or null when it is no Bluesky post (a Mastodon status, a repost). */
export function jetstreamPostEvent(view: SandboxView, post: number): JetstreamPostEvent | null {
  const { posts, accounts } = view.data
  const author = accounts[posts.author[post]]
  if (author.network !== 'bluesky' || !author.did || posts.kind[post] === PostKind.repost) return null
  const rkey = postUri(view, post).split('/').pop() as string
  return {
    did: author.did,
    time_us: posts.createdAt[post] * 1000,
    kind: 'commit',
    // The commit's revision is a TID of the same moment: the record was written in that commit.
    commit: { rev: rkey, operation: 'create', collection: POST_COLLECTION, rkey, cid: postCid(view, post), record: postRecord(view, post) },
  }
}

/** `wantedCollections` as Jetstream reads it: exact NSIDs or prefixes ending in `.*`; none: every collection. */
export function collectionFilter(wanted: string[]): (collection: string) => boolean {
  if (wanted.length === 0) return () => true
  return (collection) => wanted.some((w) => (w.endsWith('.*') ? collection.startsWith(w.slice(0, -1)) : collection === w))
}
