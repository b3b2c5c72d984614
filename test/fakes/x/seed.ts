// Content a fake X serves. Tests seed it and then assert on what the connector collected.
import { seededRandom } from '../fault-injection.ts'

export interface XSeedUser {
  id: string
  username: string
  name: string
  description?: string
  tweetCount?: number
}

export interface XSeedTweet {
  id: string
  authorId: string
  /** Full text; beyond 280 characters the fake truncates `text` and sends `note_tweet`. */
  text: string
  createdAt: string
  /**
   * When recent search first finds it (default: at once). X indexes a post some time after it is
   * written, so a post can turn up in search behind posts already returned, with an older id.
   */
  indexedAt?: string
  lang?: string
  /** Links appended as t.co short URLs with their expanded form in entities. */
  links?: string[]
  replyTo?: { id: string; userId: string }
  quoteOf?: string
  retweetOf?: string
  likes?: number
  retweets?: number
  replies?: number
  quotes?: number
}

export interface XSeed {
  users: XSeedUser[]
  tweets: XSeedTweet[]
  /** [follower id, followee id], most recent first. */
  follows: Array<[string, string]>
}

const SNOWFLAKE_EPOCH = 1288834974657n

/** A real-looking X id for a time: the creation time is recoverable from it. */
export function snowflake(ms: number, sequence: number): string {
  return ((BigInt(ms) - SNOWFLAKE_EPOCH) << 22n | BigInt(sequence % 4096)).toString()
}

export function generateXSeed(count: number, options: { seed?: number; topic?: string; startMs?: number } = {}): XSeed {
  const random = seededRandom(options.seed ?? 11)
  const topic = options.topic ?? 'rustlang'
  const users: XSeedUser[] = Array.from({ length: 15 }, (_, i) => ({
    id: String(2_244_994_000 + i),
    username: `user${i}`,
    name: `User ${i}`,
    description: `Bio ${i}`,
  }))
  const tweets: XSeedTweet[] = []
  let ms = options.startMs ?? Date.UTC(2024, 7, 20)
  for (let i = 0; i < count; i++) {
    ms += 1000 + Math.floor(random() * 60_000)
    const author = users[Math.floor(random() * users.length)]
    const other = users[(Number(author.id) + 1) % users.length]
    const id = snowflake(ms, i)
    const previous = tweets[tweets.length - 1]
    const tweet: XSeedTweet = {
      id,
      authorId: author.id,
      text: i % 9 === 0 ? `Long thoughts on #${topic}: ${'lorem ipsum '.repeat(30)}the end` : `Post ${i} about #${topic} cc @${other.username}`,
      createdAt: new Date(ms).toISOString(),
      lang: i % 4 === 0 ? 'fr' : 'en',
      likes: Math.floor(random() * 50),
      retweets: Math.floor(random() * 10),
      replies: Math.floor(random() * 5),
    }
    if (i % 5 === 2) tweet.links = [`https://example.org/${i}`]
    if (i % 7 === 3 && previous) tweet.replyTo = { id: previous.id, userId: previous.authorId }
    if (i % 13 === 6 && previous) tweet.quoteOf = previous.id
    tweets.push(tweet)
    // Retweets: in timelines, no longer in keyword search.
    if (i % 10 === 5) {
      ms += 500
      tweets.push({ id: snowflake(ms, i + 1), authorId: other.id, text: `RT @${author.username}: ${tweet.text}`.slice(0, 140), createdAt: new Date(ms).toISOString(), retweetOf: id })
    }
  }
  const follows: Array<[string, string]> = []
  for (const a of users) for (const b of users) if (a !== b && random() < 0.4) follows.push([a.id, b.id])
  return { users, tweets, follows }
}
