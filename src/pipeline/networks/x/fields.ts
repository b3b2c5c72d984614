// Field selection sent with every request: X returns only id and text unless asked.
export const TWEET_FIELDS =
  'created_at,lang,public_metrics,entities,referenced_tweets,conversation_id,in_reply_to_user_id,note_tweet,author_id'
export const EXPANSIONS = 'author_id,referenced_tweets.id,referenced_tweets.id.author_id,entities.mentions.username,in_reply_to_user_id'
export const USER_FIELDS = 'public_metrics,description,created_at,url'

export const tweetQuery = { 'tweet.fields': TWEET_FIELDS, expansions: EXPANSIONS, 'user.fields': USER_FIELDS }

/** X rate limits are per endpoint, not per user id: `/2/users/123/followers` → `/2/users/:id/followers`. */
export function xRateLimitBucket(url: URL): string {
  return url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id')
}

/** Ids are decimal strings beyond 2^53: compare them as BigInt. */
export function maxId(a: string | null, b: string | null): string | null {
  if (a === null) return b
  if (b === null) return a
  return BigInt(a) >= BigInt(b) ? a : b
}
