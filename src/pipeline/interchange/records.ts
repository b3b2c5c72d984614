// The NDJSON interchange records (ARCHITECTURE.md §5), as zod schemas. Parsing normalises: absent
// and null optional fields both become null, absent counts on posts become 0, a missing handle is
// the id, the language tag is reduced to ISO 639-1 as ingest stores it. Unknown fields are dropped.
// Every value that passes is one the database accepts, so a valid line never fails a batch.

import { z } from 'zod'
import { normalizeLanguageTag } from '../ingest/enrich/index.ts'
import { COLLECTABLE_NETWORKS, NETWORK_NAME_PATTERN } from '../../platform/shared/network-names.ts'

/** NUL and lone surrogates: JSON allows them, PostgreSQL text does not. */
const UNSTORABLE = /[\0\p{Cs}]/u
const MAX_ID = 1000
const MAX_INT = 2_147_483_647

const missingOr = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : what)

const storableText = (what: string) => z.string({ error: missingOr(what) }).refine((s) => !UNSTORABLE.test(s), 'contains a NUL character or invalid Unicode')
const externalId = storableText('must be a string').min(1, 'must not be empty').max(MAX_ID, `must be at most ${MAX_ID} characters`)
const optionalId = externalId.nullish().transform((v) => v ?? null)
const optionalText = storableText('must be a string or null').nullish().transform((v) => v ?? null)
// The pattern asks for two characters at least; `x` is a network all the same (as the query language allows).
const isNetworkName = (s: string) => NETWORK_NAME_PATTERN.test(s) || (COLLECTABLE_NETWORKS as readonly string[]).includes(s)
const network = z.string({ error: missingOr('must be a string') }).refine(isNetworkName, 'must be a network name: lower-case letters, digits, - or _, 2 to 32 characters (or x)')
const count = z
  .number({ error: missingOr('must be a number') })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(MAX_INT, `must be at most ${MAX_INT.toLocaleString('en-US')}`)
const optionalCount = count.nullish().transform((v) => v ?? null)
/** Links the network verified as the account owner's (Mastodon rel=me fields): http(s) URLs. */
const verifiedLinks = z
  .array(storableText('must be a URL').refine((s) => s.length <= 2048 && /^https?:\/\/[^\s]+$/i.test(s), 'must be an http(s) URL of at most 2048 characters'), { error: missingOr('must be an array of URLs') })
  .max(16, 'has more than 16 links')
  .nullish()
  .transform((v) => v ?? undefined)
const postCount = count.nullish().transform((v) => v ?? 0)

const FIRST_STORABLE = Date.parse('0001-01-01T00:00:00Z')
const createdAt = z
  .iso.datetime({ offset: true, error: missingOr('must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T12:00:00Z') })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() >= FIRST_STORABLE, 'must be in year 1 or later')

export const accountRecord = z
  .object({
    network,
    id: externalId,
    handle: optionalId,
    displayName: optionalText,
    followersCount: optionalCount,
    followingCount: optionalCount,
    postsCount: optionalCount,
    bio: optionalText,
    verifiedLinks,
  })
  .transform((a) => ({
    type: 'account' as const,
    network: a.network,
    id: a.id,
    handle: a.handle ?? a.id,
    displayName: a.displayName,
    followersCount: a.followersCount,
    followingCount: a.followingCount,
    postsCount: a.postsCount,
    bio: a.bio,
    ...(a.verifiedLinks && { verifiedLinks: a.verifiedLinks }),
  }))

export const postRecord = z
  .object({
    network,
    id: externalId,
    authorId: optionalId,
    createdAt,
    text: optionalText,
    lang: storableText('must be a language tag or null').max(35, 'must be a language tag').nullish(),
    url: optionalText,
    replyTo: optionalId,
    repostOf: optionalId,
    quoteOf: optionalId,
    likes: postCount,
    reposts: postCount,
    replies: postCount,
  })
  .transform((p) => ({
    type: 'post' as const,
    network: p.network,
    id: p.id,
    authorId: p.authorId,
    createdAt: p.createdAt,
    text: p.text ?? '',
    lang: normalizeLanguageTag(p.lang),
    url: p.url,
    replyTo: p.replyTo,
    repostOf: p.repostOf,
    quoteOf: p.quoteOf,
    likes: p.likes,
    reposts: p.reposts,
    replies: p.replies,
  }))

export const followRecord = z
  .object({ network, followerId: externalId, followeeId: externalId })
  .refine((f) => f.followerId !== f.followeeId, 'followerId and followeeId are the same account')
  .transform((f) => ({ type: 'follow' as const, network: f.network, followerId: f.followerId, followeeId: f.followeeId }))

export type AccountRecord = z.output<typeof accountRecord>
export type PostRecord = z.output<typeof postRecord>
export type FollowRecord = z.output<typeof followRecord>
export type InterchangeRecord = AccountRecord | PostRecord | FollowRecord

export const RECORD_SCHEMAS = { account: accountRecord, post: postRecord, follow: followRecord } as const
export type RecordType = keyof typeof RECORD_SCHEMAS
