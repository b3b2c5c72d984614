// Topics and posts for the stream benches: topics ask for brand names, phrases, hashtags and
// handles out of a large vocabulary; posts are mostly common words with, now and then, a term
// some topic asks for (about one post in ten is on a topic).
import type { EnrichedPost } from '../../src/pipeline/ingest/enriched-post.ts'

/** A small deterministic generator, so every run measures the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = Math.imul(state ^ (state >>> 15), 1 | state)
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x)
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32
  }
}

const COMMON = 'the a and to of in is it for on that this with you was are just so my at be have not but what all can'.split(' ')
  .concat('today love new people time good day like really think going great know want see got'.split(' '))
const term = (i: number) => `brand${i.toString(36)}`
const tag = (i: number) => `tag${i.toString(36)}`
const handle = (i: number) => `user${i.toString(36)}.bsky.social`

export interface SyntheticTopic {
  id: string
  query: string
  networks: string[]
  languages: string[]
}

/** Topic i asks for its own terms, with an exclusion and sometimes a language filter. */
export function syntheticTopics(count: number): SyntheticTopic[] {
  const next = random(count)
  return Array.from({ length: count }, (_, i) => {
    const shape = i % 4
    const query =
      shape === 0 ? `${term(i)} OR #${tag(i)}`
      : shape === 1 ? `"${term(i)} launch" OR @${handle(i)} -spam`
      : shape === 2 ? `(${term(i)} OR ${term(i + count)}) AND (review OR love)`
      : `#${tag(i)} ${term(i)} -giveaway`
    return { id: `topic-${i}`, query, networks: next() < 0.2 ? ['bluesky'] : [], languages: next() < 0.1 ? ['en'] : [] }
  })
}

/** Posts of 12–30 words; one in ten carries the terms of a random topic. */
export function syntheticPosts(count: number, topics: number, seed = 7): EnrichedPost[] {
  const next = random(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 12 + Math.floor(next() * 18) }, () => pick(COMMON))
    const hashtags: string[] = []
    if (next() < 0.1) {
      const t = Math.floor(next() * topics)
      words.splice(Math.floor(next() * words.length), 0, term(t), next() < 0.5 ? 'launch' : 'love', `#${tag(t)}`)
      hashtags.push(tag(t))
    } else if (next() < 0.2) {
      words.push(term(Math.floor(next() * topics * 3))) // a name nobody's query holds with its other term
    }
    return {
      network: 'bluesky', externalId: `at://did:plc:bench/app.bsky.feed.post/${i}`, authorExternalId: 'did:plc:bench', createdAt: new Date(0),
      text: words.join(' '), lang: 'en', url: null, replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null,
      quoteOfExternalId: null, likes: 0, reposts: 0, replies: 0, quotes: 0, hashtags, mentions: [], links: [],
      langDetected: false, sentiment: null, isQuestion: false, searchConfig: 'english',
    }
  })
}
