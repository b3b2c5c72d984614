import type { CollectedBatch, MentionRef, NormalizedAccount, NormalizedPost } from '../model.ts'
import type { XEntities, XTweet, XTweetList, XUser } from './schemas.ts'

const X_WEB = 'https://x.com'
/** X ids are snowflakes: milliseconds since this epoch, shifted left 22 bits. */
const SNOWFLAKE_EPOCH_MS = 1288834974657n

function createdAtOf(tweet: XTweet): Date {
  if (tweet.created_at) return new Date(tweet.created_at)
  return new Date(Number((BigInt(tweet.id) >> 22n) + SNOWFLAKE_EPOCH_MS))
}

/** X gives BCP47 tags and pseudo-codes (`und`, `qme`, `zxx`): keep ISO 639-1 only. */
function langOf(tag: string | undefined): string | null {
  const primary = tag?.toLowerCase().split('-')[0]
  return primary && /^[a-z]{2}$/.test(primary) ? primary : null
}

function referenced(tweet: XTweet, type: string): string | null {
  return tweet.referenced_tweets?.find((r) => r.type === type)?.id ?? null
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)))
}

export function normalizeUser(user: XUser): NormalizedAccount {
  return {
    network: 'x',
    externalId: user.id,
    handle: user.username,
    displayName: user.name || null,
    bio: user.description || null,
    url: `${X_WEB}/${user.username}`,
    followersCount: user.public_metrics?.followers_count ?? null,
    followingCount: user.public_metrics?.following_count ?? null,
    postsCount: user.public_metrics?.tweet_count ?? null,
  }
}

/** The page's users, by id and by lower-cased username (mentions may name only the username). */
interface PageUsers { byId: Map<string, XUser>; byName: Map<string, XUser> }

function normalizeTweet(tweet: XTweet, users: PageUsers): NormalizedPost {
  // Long posts: `text` is cut at 280 characters, the full body and its entities are in note_tweet.
  const text = tweet.note_tweet?.text ?? tweet.text
  const entities: XEntities = tweet.note_tweet?.entities ?? tweet.entities ?? {}
  const author = tweet.author_id ? users.byId.get(tweet.author_id) : undefined
  const mentions: MentionRef[] = (entities.mentions ?? []).map((m) => ({
    externalId: m.id ?? users.byName.get(m.username.toLowerCase())?.id ?? null,
    handle: m.username,
  }))
  const links = (entities.urls ?? [])
    .filter((u) => !(u.display_url ?? '').startsWith('pic.')) // attached media, not a link
    .map((u) => u.unwound_url ?? u.expanded_url ?? u.url)
  const metrics = tweet.public_metrics
  return {
    network: 'x',
    externalId: tweet.id,
    authorExternalId: tweet.author_id ?? null,
    createdAt: createdAtOf(tweet),
    text,
    lang: langOf(tweet.lang),
    url: author ? `${X_WEB}/${author.username}/status/${tweet.id}` : `${X_WEB}/i/web/status/${tweet.id}`,
    replyToExternalId: referenced(tweet, 'replied_to'),
    replyToAuthorExternalId: tweet.in_reply_to_user_id ?? null,
    repostOfExternalId: referenced(tweet, 'retweeted'),
    quoteOfExternalId: referenced(tweet, 'quoted'),
    likes: metrics?.like_count ?? 0,
    reposts: metrics?.retweet_count ?? 0,
    replies: metrics?.reply_count ?? 0,
    quotes: metrics?.quote_count ?? 0,
    hashtags: unique((entities.hashtags ?? []).map((h) => h.tag.toLowerCase()), (h) => h),
    mentions: unique(mentions, (m) => m.handle.toLowerCase()),
    links: unique(links, (l) => l),
  }
}

/**
 * The posts of a response and every account it references. A retweet is kept (it is the
 * repost interaction) and the original, found in `includes`, is returned as a post of its own.
 */
export function batchFromTweets(response: XTweetList): CollectedBatch {
  const users = response.includes?.users ?? []
  const byId = new Map(users.map((u) => [u.id, u]))
  const pageUsers: PageUsers = { byId, byName: new Map([...byId.values()].map((u) => [u.username.toLowerCase(), u])) }
  const included = [...(response.includes?.tweets ?? []), ...(response.includes?.posts ?? [])]
  const includedById = new Map(included.map((t) => [t.id, t]))
  const tweets: XTweet[] = []
  for (const tweet of response.data ?? []) {
    tweets.push(tweet)
    const originalId = referenced(tweet, 'retweeted')
    const original = originalId ? includedById.get(originalId) : undefined
    if (original) tweets.push(original)
  }
  return {
    posts: unique(tweets, (t) => t.id).map((t) => normalizeTweet(t, pageUsers)),
    accounts: unique(users, (u) => u.id).map(normalizeUser),
  }
}
