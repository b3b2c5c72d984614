// A Jetstream post commit → the normalised post the polling collector would have stored. The
// event carries the record only: the author is its DID (its handle and counts come with the
// next profile fill), engagement starts at zero.
import { blueskyPostRecordSchema } from '../networks/bluesky/schemas.ts'
import { normalizeBlueskyPost } from '../networks/bluesky/normalize.ts'
import type { NormalizedPost } from '../networks/model.ts'
import type { JetstreamEvent } from './jetstream-event.ts'

export const POST_COLLECTION = 'app.bsky.feed.post'

export function postUri(did: string, rkey: string): string {
  return `at://${did}/${POST_COLLECTION}/${rkey}`
}

/** The post a create or update writes; null for anything else (or a record that is no post). */
export function postFromEvent(event: JetstreamEvent): NormalizedPost | null {
  if (event.kind !== 'commit' || event.commit.collection !== POST_COLLECTION) return null
  if (event.commit.operation === 'delete' || event.commit.record === undefined) return null
  const record = blueskyPostRecordSchema.safeParse(event.commit.record)
  if (!record.success) return null
  return normalizeBlueskyPost({
    uri: postUri(event.did, event.commit.rkey),
    cid: event.commit.cid,
    author: { did: event.did, handle: event.did },
    record: record.data,
    // The instance's receive time: the stream's own clock, as indexedAt is the AppView's.
    indexedAt: new Date(Math.floor(event.time_us / 1000)).toISOString(),
  })
}

/** The AT-URI of the post a delete removes; null for anything else. */
export function deletedPostUri(event: JetstreamEvent): string | null {
  if (event.kind !== 'commit' || event.commit.collection !== POST_COLLECTION || event.commit.operation !== 'delete') return null
  return postUri(event.did, event.commit.rkey)
}
