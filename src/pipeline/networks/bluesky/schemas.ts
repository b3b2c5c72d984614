// Wire formats of the Bluesky AppView and PDS (lexicons app.bsky.* and com.atproto.server.*),
// reduced to what Relais reads. Open unions (`$type`) are kept loose and interpreted where used,
// so a new embed or facet type never fails a whole page.
import { z } from 'zod'

const count = z.number().int().nonnegative().catch(0).optional()
const looseUnion = z.looseObject({ $type: z.string().optional() })

/** profileViewBasic (post authors), profileView (follow lists) and profileViewDetailed (counts). */
export const blueskyProfileSchema = z.object({
  did: z.string(),
  handle: z.string(),
  displayName: z.string().nullish(),
  description: z.string().nullish(),
  followersCount: z.number().int().nullish(),
  followsCount: z.number().int().nullish(),
  postsCount: z.number().int().nullish(),
})
export type BlueskyProfile = z.infer<typeof blueskyProfileSchema>

export const blueskyFacetSchema = z.object({
  index: z.object({ byteStart: z.number().int(), byteEnd: z.number().int() }),
  features: z.array(looseUnion).catch([]),
})
export type BlueskyFacet = z.infer<typeof blueskyFacetSchema>

const strongRefSchema = z.object({ uri: z.string(), cid: z.string().optional() })

/** The `app.bsky.feed.post` record, as the author's client wrote it. */
export const blueskyPostRecordSchema = z.object({
  text: z.string().catch(''),
  createdAt: z.string().catch(''),
  langs: z.array(z.string()).catch([]).optional(),
  tags: z.array(z.string()).catch([]).optional(),
  facets: z.array(blueskyFacetSchema).catch([]).optional(),
  reply: z.object({ root: strongRefSchema, parent: strongRefSchema }).nullish().catch(null),
  embed: looseUnion.nullish().catch(null),
})
export type BlueskyPostRecord = z.infer<typeof blueskyPostRecordSchema>

export const blueskyPostViewSchema = z.object({
  uri: z.string(),
  cid: z.string().optional(),
  author: blueskyProfileSchema,
  record: blueskyPostRecordSchema,
  indexedAt: z.string(),
  replyCount: count,
  repostCount: count,
  likeCount: count,
  quoteCount: count,
})
export type BlueskyPostView = z.infer<typeof blueskyPostViewSchema>

export const blueskyReasonSchema = z.looseObject({
  $type: z.string(),
  by: blueskyProfileSchema.optional(),
  uri: z.string().optional(),
  indexedAt: z.string().optional(),
})

export const blueskyFeedViewPostSchema = z.object({
  post: blueskyPostViewSchema,
  reason: blueskyReasonSchema.nullish().catch(null),
})
export type BlueskyFeedViewPost = z.infer<typeof blueskyFeedViewPostSchema>

export const searchPostsOutputSchema = z.object({
  cursor: z.string().nullish(),
  hitsTotal: z.number().nullish(),
  posts: z.array(blueskyPostViewSchema),
})

export const authorFeedOutputSchema = z.object({
  cursor: z.string().nullish(),
  feed: z.array(blueskyFeedViewPostSchema),
})

export const followersOutputSchema = z.object({
  subject: blueskyProfileSchema,
  cursor: z.string().nullish(),
  followers: z.array(blueskyProfileSchema),
})

export const followsOutputSchema = z.object({
  subject: blueskyProfileSchema,
  cursor: z.string().nullish(),
  follows: z.array(blueskyProfileSchema),
})

export const profilesOutputSchema = z.object({ profiles: z.array(blueskyProfileSchema) })

export const sessionOutputSchema = z.object({
  accessJwt: z.string(),
  refreshJwt: z.string(),
  did: z.string(),
  handle: z.string().optional(),
})
export type BlueskySessionTokens = z.infer<typeof sessionOutputSchema>
