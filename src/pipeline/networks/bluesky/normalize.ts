// Bluesky views → the normalised model. DIDs are the identity; handles are labels that change
// (and read `handle.invalid` when verification fails).
import { z } from 'zod'
import type { NormalizedAccount, NormalizedPost } from '../model.ts'
import { didOfAtUri, isPostUri, parseAtUri } from './at-uri.ts'
import { extractFacets } from './facets.ts'
import type { BlueskyPostRecord, BlueskyPostView, BlueskyProfile } from './schemas.ts'

const INVALID_HANDLE = 'handle.invalid'

export function blueskyHandle(profile: Pick<BlueskyProfile, 'did' | 'handle'>): string {
  return profile.handle === INVALID_HANDLE ? profile.did : profile.handle
}

export function normalizeBlueskyProfile(profile: BlueskyProfile): NormalizedAccount {
  return {
    network: 'bluesky',
    externalId: profile.did,
    handle: blueskyHandle(profile),
    displayName: profile.displayName ? profile.displayName : null,
    bio: profile.description ? profile.description : null,
    url: `https://bsky.app/profile/${profile.did}`,
    // List views (profileView, profileViewBasic) carry no counts: null, not zero.
    followersCount: profile.followersCount ?? null,
    followingCount: profile.followsCount ?? null,
    postsCount: profile.postsCount ?? null,
  }
}

/**
 * The AppView's own notion of a post's time: the earlier of the client-asserted `createdAt`
 * (which may be in the future, or garbage) and the server's `indexedAt`. Sorting and the
 * search `since` parameter use it too.
 */
export function blueskySortAt(record: Pick<BlueskyPostRecord, 'createdAt'>, indexedAt: string): Date {
  const indexed = new Date(indexedAt)
  const created = new Date(record.createdAt)
  if (Number.isNaN(created.getTime())) return indexed
  if (Number.isNaN(indexed.getTime())) return created
  return created < indexed ? created : indexed
}

const recordRef = z.object({ uri: z.string() })
const quoteEmbed = z.object({ $type: z.literal('app.bsky.embed.record'), record: recordRef })
const quoteWithMediaEmbed = z.object({
  $type: z.literal('app.bsky.embed.recordWithMedia'),
  record: z.object({ record: recordRef }),
})

/** The quoted post, when the embed quotes a post (not a feed, list or starter pack). */
function quotedPostUri(record: BlueskyPostRecord): string | null {
  const plain = quoteEmbed.safeParse(record.embed)
  const withMedia = quoteWithMediaEmbed.safeParse(record.embed)
  const uri = plain.success ? plain.data.record.uri : withMedia.success ? withMedia.data.record.record.uri : null
  return uri !== null && isPostUri(uri) ? uri : null
}

/** ISO 639-1 from a BCP-47 tag (`pt-BR` → `pt`). */
function primaryLanguage(tag: string | undefined): string | null {
  const primary = tag?.split('-')[0]?.toLowerCase()
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : null
}

export function blueskyPostUrl(uri: string): string | null {
  // The DID, not the handle: handles change, and a stored link should keep working.
  const parsed = parseAtUri(uri)
  return parsed?.rkey ? `https://bsky.app/profile/${parsed.authority}/post/${parsed.rkey}` : null
}

export function normalizeBlueskyPost(view: BlueskyPostView): NormalizedPost {
  const { record } = view
  const entities = extractFacets(record.text, record.facets, record.tags)
  const parentUri = record.reply?.parent.uri ?? null
  return {
    network: 'bluesky',
    externalId: view.uri,
    authorExternalId: view.author.did,
    createdAt: blueskySortAt(record, view.indexedAt),
    text: record.text,
    lang: primaryLanguage(record.langs?.[0]),
    url: blueskyPostUrl(view.uri),
    replyToExternalId: parentUri,
    replyToAuthorExternalId: parentUri === null ? null : didOfAtUri(parentUri),
    repostOfExternalId: null,
    quoteOfExternalId: quotedPostUri(record),
    likes: view.likeCount ?? 0,
    reposts: view.repostCount ?? 0,
    replies: view.replyCount ?? 0,
    quotes: view.quoteCount ?? 0,
    hashtags: entities.hashtags,
    mentions: entities.mentions,
    links: entities.links,
  }
}
