// X API v2 wire shapes (reference/network-apis.md §5.3), only the fields Relais reads.
import { z } from 'zod'

const entitiesSchema = z.object({
  hashtags: z.array(z.object({ tag: z.string() })).optional(),
  mentions: z.array(z.object({ username: z.string(), id: z.string().optional() })).optional(),
  urls: z
    .array(z.object({ url: z.string(), expanded_url: z.string().optional(), unwound_url: z.string().optional(), display_url: z.string().optional() }))
    .optional(),
})
export type XEntities = z.infer<typeof entitiesSchema>

export const xTweetSchema = z.object({
  id: z.string(),
  text: z.string(),
  author_id: z.string().optional(),
  created_at: z.string().optional(),
  lang: z.string().optional(),
  conversation_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
  public_metrics: z
    .object({
      retweet_count: z.number().default(0),
      reply_count: z.number().default(0),
      like_count: z.number().default(0),
      quote_count: z.number().default(0),
    })
    .optional(),
  entities: entitiesSchema.optional(),
  /** Full text of posts longer than 280 characters; `text` is then truncated. */
  note_tweet: z.object({ text: z.string(), entities: entitiesSchema.optional() }).optional(),
})
export type XTweet = z.infer<typeof xTweetSchema>

export const xUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  description: z.string().optional(),
  url: z.string().optional(),
  created_at: z.string().optional(),
  public_metrics: z
    .object({ followers_count: z.number(), following_count: z.number(), tweet_count: z.number().optional() })
    .optional(),
})
export type XUser = z.infer<typeof xUserSchema>

/** Errors about single items inside a 200 response (deleted, protected, suspended). */
export const xPartialErrorSchema = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  value: z.string().optional(),
  resource_id: z.string().optional(),
  resource_type: z.string().optional(),
  parameter: z.string().optional(),
  message: z.string().optional(),
})
export type XPartialError = z.infer<typeof xPartialErrorSchema>

const includesSchema = z.object({
  users: z.array(xUserSchema).optional(),
  tweets: z.array(xTweetSchema).optional(),
  /** Newer spelling of `tweets` in the 2026 OpenAPI; accepted until the live API settles. */
  posts: z.array(xTweetSchema).optional(),
})

const metaSchema = z.object({
  result_count: z.number().optional(),
  next_token: z.string().optional(),
  newest_id: z.string().optional(),
  oldest_id: z.string().optional(),
})

/** `{data?, includes?, errors?, meta?}`: an empty page has no `data` at all. */
export function xEnvelope<T extends z.ZodType>(data: T) {
  return z.object({
    data: data.optional(),
    includes: includesSchema.optional(),
    errors: z.array(xPartialErrorSchema).optional(),
    meta: metaSchema.optional(),
  })
}

export const tweetListSchema = xEnvelope(z.array(xTweetSchema))
export type XTweetList = z.infer<typeof tweetListSchema>
export const userListSchema = xEnvelope(z.array(xUserSchema))
export type XUserList = z.infer<typeof userListSchema>
