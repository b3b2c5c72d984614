// A seeded synthetic NDJSON interchange file, generated record by record in constant memory and
// already in export order (accounts by network and id, posts by time, follows by network,
// follower, followee), so importing it then exporting it must give back the same bytes.

import type { AccountRecord, FollowRecord, InterchangeRecord, PostRecord } from '../../src/pipeline/interchange/index.ts'
import { createPrng } from '../../src/graph/prng.ts'

export interface SyntheticSize { accounts: number; posts: number; follows: number; seed?: number }

const NETWORKS = ['instagram', 'linkedin', 'mastodon'] as const
const WORDS = {
  en: 'bike ride city lane commute electric cargo repair shop helmet weekend trail rain morning traffic love great new'.split(' '),
  fr: 'vélo balade ville piste trajet électrique cargo atelier casque weekend sentier pluie matin bouchons super nouveau'.split(' '),
}
const TAGS = ['velo', 'bike', 'cycling', 'commute', 'ebike', 'vélotaf']
const FIRST_NAMES = ['Alice', 'Bruno', 'Chloé', 'David', 'Emma', 'Farid', 'Gaëlle', 'Hugo', 'Inès', 'Jules']

const pad = (i: number) => String(i).padStart(8, '0')

export function* syntheticRecords(size: SyntheticSize): Generator<InterchangeRecord> {
  const random = createPrng(size.seed ?? 1).next
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1))
  // Accounts fill the networks in contiguous blocks of indexes, so index order is id order.
  const block = Math.ceil(size.accounts / NETWORKS.length)
  const networkOf = (i: number) => NETWORKS[Math.floor(i / block)]
  const accountId = (i: number) => `acct-${pad(i)}`
  const handleOf = (i: number) => `user${i}`
  const firstOfBlock = (i: number) => Math.floor(i / block) * block
  const lastOfBlock = (i: number) => Math.min(size.accounts, firstOfBlock(i) + block) - 1

  for (let i = 0; i < size.accounts; i++) {
    const account: AccountRecord = {
      type: 'account', network: networkOf(i), id: accountId(i), handle: handleOf(i),
      displayName: random() < 0.9 ? `${pick(FIRST_NAMES)} ${i}` : null,
      followersCount: random() < 0.8 ? between(0, 50_000) : null,
      followingCount: random() < 0.8 ? between(0, 2_000) : null,
      postsCount: random() < 0.8 ? between(0, 10_000) : null,
      bio: random() < 0.5 ? `Rides ${pick(WORDS.en)} and ${pick(WORDS.en)} — "quotes" \\ unicode ✓` : null,
    }
    yield account
  }

  const recent = new Map<string, string[]>(NETWORKS.map((n) => [n, []]))
  const start = Date.parse('2024-01-01T00:00:00.000Z')
  for (let i = 0; i < size.posts; i++) {
    const author = between(0, size.accounts - 1)
    const network = networkOf(author)
    const earlier = recent.get(network)!
    const lang = random() < 0.5 ? 'en' : 'fr'
    const words = Array.from({ length: between(4, 14) }, () => pick(WORDS[lang]))
    if (random() < 0.3) words.push(`#${pick(TAGS)}`)
    if (random() < 0.1) words.push(`@${handleOf(between(firstOfBlock(author), lastOfBlock(author)))}`)
    const kind = random()
    const post: PostRecord = {
      type: 'post', network, id: `post-${pad(i)}`, authorId: random() < 0.01 ? null : accountId(author),
      createdAt: new Date(start + i * 1000 + between(0, 999)), text: words.join(' '),
      lang: random() < 0.8 ? lang : null, url: random() < 0.5 ? `https://${network}.example/p/${i}` : null,
      replyTo: kind < 0.2 && earlier.length ? pick(earlier) : null,
      repostOf: kind >= 0.2 && kind < 0.25 && earlier.length ? pick(earlier) : null,
      quoteOf: kind >= 0.25 && kind < 0.3 && earlier.length ? pick(earlier) : null,
      likes: between(0, 500), reposts: between(0, 50), replies: between(0, 20),
    }
    earlier.push(post.id)
    if (earlier.length > 1000) earlier.shift()
    yield post
  }

  for (let i = 0; i < size.accounts; i++) {
    const count = Math.floor(((i + 1) * size.follows) / size.accounts) - Math.floor((i * size.follows) / size.accounts)
    const first = firstOfBlock(i)
    const last = lastOfBlock(i)
    const followees = new Set<number>()
    while (followees.size < Math.min(count, last - first)) {
      const j = between(first, last)
      if (j !== i) followees.add(j)
    }
    for (const j of [...followees].sort((a, b) => a - b)) {
      const follow: FollowRecord = { type: 'follow', network: networkOf(i), followerId: accountId(i), followeeId: accountId(j) }
      yield follow
    }
  }
}
