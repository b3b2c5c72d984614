// What each post is: original, reply, repost or quote; topic, language, sentiment, hashtags,
// mention. Posts are walked in time order so replies, reposts and quotes point at earlier
// posts of accounts the author follows, the way timelines expose people to content.
import { COMMUNITIES, SPIKE_TOPIC, TOPICS } from './content/catalog.ts'
import type { PostTimes } from './post-times.ts'
import { deriveSeed, Rng } from './rng.ts'
import { LANGUAGES, PostFlag, PostKind, type FollowEdges, type PostColumns, type SandboxAccount } from './types.ts'

const RING = 8
const SPIKE_TOPIC_INDEX = TOPICS.findIndex((t) => t.id === SPIKE_TOPIC)
const PARENT_WINDOW_MS = 3 * 86_400_000

export interface TagCatalog {
  /** Hashtag indexes of each topic, main hashtag first. */
  topicTags: number[][]
  chatterTags: number[]
}

const INTERACTION_RATES = {
  member: { reply: 0.16, repost: 0.14, quote: 0.03 },
  hub: { reply: 0.1, repost: 0.05, quote: 0.03 },
  bridge: { reply: 0.12, repost: 0.33, quote: 0.1 },
} as const

export function emptyColumns(times: PostTimes): PostColumns {
  const n = times.createdAt.length
  return {
    count: n,
    createdAt: times.createdAt,
    author: times.author,
    kind: new Uint8Array(n),
    topic: new Int8Array(n).fill(-1),
    lang: new Int8Array(n),
    sentiment: new Int8Array(n),
    flags: new Uint8Array(n),
    tag0: new Int16Array(n).fill(-1),
    tag1: new Int16Array(n).fill(-1),
    mention: new Int32Array(n).fill(-1),
    parent: new Int32Array(n).fill(-1),
    likes: new Int32Array(n),
    reposts: new Int32Array(n),
    replies: new Int32Array(n),
    quotes: new Int32Array(n),
  }
}

function topicIndexOf(community: number): number {
  const topic = COMMUNITIES[community]?.topic
  return topic === null || topic === undefined ? -1 : TOPICS.findIndex((t) => t.id === topic)
}

/** Topic of an original post: hubs stay on topic, bridges mix two, members chat a lot. */
function originalTopic(rng: Rng, account: SandboxAccount): number {
  if (account.bot) return -1
  const own = topicIndexOf(account.community)
  const r = rng.next()
  if (account.role === 'hub') return r < 0.85 ? own : -1
  if (account.role === 'bridge') {
    const second = topicIndexOf(account.secondCommunity)
    if (r < 0.4) return own
    if (r < 0.75 && second >= 0) return second
    return -1
  }
  if (own < 0) return r < 0.12 ? rng.int(TOPICS.length) : -1
  if (r < 0.55) return own
  if (r < 0.62) return rng.int(TOPICS.length)
  return -1
}

export function assignPosts(seedHash: number, accounts: SandboxAccount[], follows: FollowEdges, times: PostTimes, tags: TagCatalog): PostColumns {
  const rng = new Rng(deriveSeed(seedHash, 0xa551))
  const posts = emptyColumns(times)
  const ring = new Int32Array(accounts.length * RING).fill(-1)
  const ringHead = new Uint8Array(accounts.length)

  const randomFollowee = (a: number): number => {
    const from = follows.out.offsets[a]
    const to = follows.out.offsets[a + 1]
    return to > from ? follows.followee[follows.out.edges[from + rng.int(to - from)]] : -1
  }
  const findParent = (a: number, t: number): number => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const f = randomFollowee(a)
      if (f < 0) return -1
      const start = rng.int(RING)
      for (let k = 0; k < RING; k++) {
        const candidate = ring[f * RING + ((start + k) % RING)]
        if (candidate >= 0 && posts.createdAt[candidate] > t - PARENT_WINDOW_MS) return candidate
      }
    }
    return -1
  }

  for (let i = 0; i < posts.count; i++) {
    const a = posts.author[i]
    const account = accounts[a]
    const t = posts.createdAt[i]
    let kind: number = PostKind.original
    let parent = -1
    if (times.spike[i] === 0 && !account.bot) {
      const rates = INTERACTION_RATES[account.role]
      const r = rng.next()
      const wanted = r < rates.reply ? PostKind.reply : r < rates.reply + rates.repost ? PostKind.repost : r < rates.reply + rates.repost + rates.quote ? PostKind.quote : PostKind.original
      if (wanted !== PostKind.original) {
        parent = findParent(a, t)
        if (parent >= 0) kind = wanted
      }
    }
    posts.kind[i] = kind
    posts.parent[i] = parent
    if (kind === PostKind.repost) {
      posts.topic[i] = posts.topic[parent]
      posts.lang[i] = posts.lang[parent]
      continue
    }
    describePost(rng, posts, i, account, accounts, tags, times.spike[i] === 1, randomFollowee)
    ring[a * RING + ringHead[a]] = i
    ringHead[a] = (ringHead[a] + 1) % RING
  }
  return posts
}

function describePost(
  rng: Rng, posts: PostColumns, i: number, account: SandboxAccount, accounts: SandboxAccount[],
  tags: TagCatalog, spike: boolean, randomFollowee: (a: number) => number,
): void {
  const kind = posts.kind[i]
  const parent = posts.parent[i]
  const topic = spike ? SPIKE_TOPIC_INDEX : parent >= 0 ? (rng.chance(0.8) ? posts.topic[parent] : -1) : originalTopic(rng, account)
  posts.topic[i] = topic
  const language = account.languages.length > 1 && rng.chance(0.2) ? account.languages[1] : account.languages[0]
  posts.lang[i] = LANGUAGES.indexOf(language)
  let flags = 0
  const question = !spike && rng.chance(kind === PostKind.reply ? 0.15 : kind === PostKind.original && topic >= 0 ? 0.12 : 0.04)
  if (question) flags |= PostFlag.question
  if (spike) flags |= PostFlag.spike
  const parentNegative = parent >= 0 && posts.sentiment[parent] < 0
  const r = rng.next()
  posts.sentiment[i] = spike ? -1 : question ? 0 : r < (parentNegative ? 0.4 : topic >= 0 ? 0.15 : 0.1) ? -1 : r > (topic >= 0 ? 0.65 : 0.7) ? 1 : 0

  const tagChance = spike ? 1 : kind === PostKind.original ? (topic >= 0 ? 0.75 : 0.25) : kind === PostKind.quote ? 0.4 : 0.1
  if (rng.chance(tagChance)) {
    const pool = topic >= 0 ? tags.topicTags[topic] : tags.chatterTags
    const first = topic >= 0 && (spike || rng.chance(0.6)) ? pool[0] : rng.pick(pool)
    posts.tag0[i] = first
    if (rng.chance(spike ? 0.5 : 0.4)) {
      const second = rng.pick(pool)
      if (second !== first) posts.tag1[i] = second
    }
    if (rng.chance(0.4)) flags |= PostFlag.tagsOnNewParagraph
    if (account.network === 'bluesky' && posts.tag1[i] >= 0 && rng.chance(0.2)) flags |= PostFlag.tagOutsideText
  }
  if (rng.chance(kind === PostKind.reply ? 0.1 : 0.12)) {
    const mentioned = randomFollowee(account.index)
    if (mentioned >= 0 && accounts[mentioned].network === account.network) posts.mention[i] = mentioned
  }
  if (kind === PostKind.original && topic >= 0 && rng.chance(0.1)) flags |= PostFlag.link
  if (rng.chance(0.03)) flags |= PostFlag.noLanguage
  posts.flags[i] = flags
}
