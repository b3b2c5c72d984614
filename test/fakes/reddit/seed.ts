// Content a fake Reddit serves. Tests seed it and then assert on what the connector collected.
import { seededRandom } from '../fault-injection.ts'

export interface RedditSeedUser {
  /** base36 id without the `t2_` prefix */
  id: string
  name: string
  subscribers?: number
  description?: string
  title?: string
  suspended?: boolean
}

export interface RedditSeedPost {
  /** base36 id without the `t3_` prefix */
  id: string
  subreddit: string
  title: string
  selftext?: string
  /** A seeded user's name, or `[deleted]`. */
  author: string
  createdUtc: number
  /**
   * When search first finds it, epoch seconds (default: at once). Reddit's search index lags the
   * listings, so a post can turn up in `sort=new` results below posts already returned.
   */
  indexedUtc?: number
  score?: number
  numComments?: number
  /** External link for link posts. */
  url?: string
  crosspostParent?: string
}

/** A comment under a submission: `/comments/{postId}` serves them as a tree. */
export interface RedditSeedComment {
  /** base36 id without the `t1_` prefix */
  id: string
  /** The submission's base36 id. */
  postId: string
  /** Fullname of the parent: the submission (`t3_…`) or a comment (`t1_…`). */
  parentId: string
  /** A seeded user's name, or `[deleted]`. */
  author: string
  body: string
  createdUtc: number
  score?: number
}

export interface RedditSeed {
  users: RedditSeedUser[]
  posts: RedditSeedPost[]
  comments?: RedditSeedComment[]
}

export const toBase36 = (n: number): string => n.toString(36)

/**
 * `postCount` posts about `topic` (plus a few unrelated ones), newest every ~37 s, some sharing a
 * second, some by deleted authors. Deterministic for a given seed.
 */
export function generateRedditSeed(postCount: number, options: { seed?: number; topic?: string; startUtc?: number } = {}): RedditSeed {
  const random = seededRandom(options.seed ?? 7)
  const topic = options.topic ?? 'rustlang'
  const users: RedditSeedUser[] = Array.from({ length: 12 }, (_, i) => ({
    id: toBase36(500_000 + i),
    name: `user_${i}`,
    subscribers: 10 * i,
    description: `Profile of user ${i}`,
    title: `User ${i}`,
  }))
  const posts: RedditSeedPost[] = []
  let created = options.startUtc ?? 1_724_200_000
  for (let i = 0; i < postCount; i++) {
    // Every fifth post lands on the same second as the previous one.
    if (i % 5 !== 4) created += 1 + Math.floor(random() * 73)
    const deleted = i % 11 === 3
    posts.push({
      id: toBase36(1_000_000_000 + i),
      subreddit: i % 2 === 0 ? 'rust' : 'programming',
      title: i % 7 === 0 ? `Something else ${i}` : `Post ${i} about ${topic}`,
      selftext: i % 7 === 0 ? `mentions ${topic} in the body, cc u/user_${i % 12}` : i % 3 === 0 ? '' : `Body of ${i} with a link https://example.org/${i} & more`,
      author: deleted ? '[deleted]' : `user_${Math.floor(random() * users.length)}`,
      createdUtc: created + (i % 4 === 0 ? 0.5 : 0),
      score: Math.floor(random() * 100),
      numComments: Math.floor(random() * 20),
      ...(i % 6 === 5 ? { url: `https://news.example/${i}` } : {}),
    })
  }
  posts.push({ id: toBase36(900_000_000), subreddit: 'cooking', title: 'Unrelated soup', author: 'user_1', createdUtc: created + 5 })
  return { users, posts }
}
