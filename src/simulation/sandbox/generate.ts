// generateSandbox: a seeded, deterministic simulated social network (accounts, follows, posts)
// with its ground truth (planted hubs, bridges and a negative spike).
import { assignPosts, type TagCatalog } from './assign-posts.ts'
import { CHATTER_HASHTAGS, COMMUNITIES, MASTODON_INSTANCES, SPIKE_TOPIC, TOPICS } from './content/catalog.ts'
import { computeEngagement, indexPostsByAuthor } from './engagement.ts'
import { generateAccounts } from './generate-accounts.ts'
import { generateFollows } from './generate-follows.ts'
import { generatePostTimes } from './post-times.ts'
import { hashSeed } from './rng.ts'
import { PostFlag, SANDBOX_LABEL, type GroundTruth, type PostColumns, type SandboxAccount, type SandboxData } from './types.ts'

const HOUR_MS = 3_600_000

export interface GenerateOptions {
  seed: string | number
  accounts?: number
  days?: number
  /** The sandbox's present; posts before it are visible at start. Default: 2025-06-02T12:00Z. */
  now?: Date
  /** Hours of posts generated after `now`, revealed by the server's `advance`. */
  futureHours?: number
}

export const DEFAULT_SANDBOX_NOW = new Date('2025-06-02T12:00:00.000Z')

function tagCatalog(): { hashtags: string[]; tags: TagCatalog } {
  const hashtags: string[] = []
  const topicTags = TOPICS.map((topic) => topic.hashtags.map((tag) => hashtags.push(tag) - 1))
  const chatterTags = CHATTER_HASHTAGS.map((tag) => hashtags.push(tag) - 1)
  return { hashtags, tags: { topicTags, chatterTags } }
}

function groundTruth(accounts: SandboxAccount[], posts: PostColumns, spike: { start: number; end: number }): GroundTruth {
  const topicOf = (community: number): string => COMMUNITIES[community].topic ?? 'general'
  const postIndexes: number[] = []
  for (let i = 0; i < posts.count; i++) if (posts.flags[i] & PostFlag.spike) postIndexes.push(i)
  return {
    hubs: accounts.filter((a) => a.role === 'hub').map((a) => ({ account: a.index, topic: topicOf(a.community), network: a.network })),
    bridges: accounts
      .filter((a) => a.role === 'bridge')
      .map((a) => ({ account: a.index, communities: [COMMUNITIES[a.community].id, COMMUNITIES[a.secondCommunity].id] })),
    spike: {
      topic: SPIKE_TOPIC,
      hashtag: TOPICS.find((t) => t.id === SPIKE_TOPIC)?.hashtags[0] ?? SPIKE_TOPIC,
      sentiment: 'negative',
      start: new Date(spike.start),
      end: new Date(spike.end),
      posts: postIndexes.length,
      postIndexes,
    },
  }
}

export function generateSandbox(options: GenerateOptions): SandboxData {
  const accountCount = options.accounts ?? 2000
  const days = options.days ?? 14
  const futureHours = options.futureHours ?? 24
  const now = options.now ?? DEFAULT_SANDBOX_NOW
  if (!Number.isInteger(accountCount) || accountCount < 10) throw new RangeError('accounts must be an integer ≥ 10')
  if (!(days > 0 && days <= 365)) throw new RangeError('days must be in (0, 365]')
  if (!(futureHours >= 0 && futureHours <= 24 * 30)) throw new RangeError('futureHours must be in [0, 720]')
  const seedHash = hashSeed(options.seed)
  const nowMs = now.getTime()
  const span = { startMs: nowMs - days * 24 * HOUR_MS, endMs: nowMs + futureHours * HOUR_MS }

  const accounts = generateAccounts(seedHash, accountCount, now, days)
  const follows = generateFollows(seedHash, accounts)
  const times = generatePostTimes(seedHash, accounts, span, nowMs)
  const { hashtags, tags } = tagCatalog()
  const posts = assignPosts(seedHash, accounts, follows, times, tags)
  computeEngagement(seedHash, accounts, follows, posts)
  return {
    seed: options.seed,
    seedHash,
    now,
    days,
    futureHours,
    label: SANDBOX_LABEL,
    topics: TOPICS,
    communities: COMMUNITIES,
    instances: [...MASTODON_INSTANCES],
    hashtags,
    accounts,
    follows,
    posts,
    postsByAuthor: indexPostsByAuthor(accounts.length, posts),
    truth: groundTruth(accounts, posts, { start: times.spikeStart, end: times.spikeEnd }),
  }
}
