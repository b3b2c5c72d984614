// The topic index gives the same answers as asking every topic's matcher in turn: on many
// random queries (anchored or not, with network and language filters) and random posts, the
// topics found and the terms matched are identical, in the same order.
import fc from 'fast-check'
import t from 'tap'
import { isAnchored, preparePost, print } from '../../src/pipeline/query/index.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import { topicIndex, type TopicMatches } from '../../src/pipeline/ingest/topic-index.ts'
import type { EnrichedPost } from '../../src/pipeline/ingest/enriched-post.ts'
import { LANGS, NETWORKS, postFor, vocabularyTree } from '../query/fixtures/arbitraries.ts'

const SEED = 20261207

function enriched(post: ReturnType<typeof fc.sample<import('../../src/pipeline/query/index.ts').MatchablePost>>[number]): EnrichedPost {
  return {
    network: post.network, externalId: 'p', authorExternalId: null, createdAt: new Date(0), text: post.text, lang: post.lang,
    url: null, replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
    likes: 0, reposts: 0, replies: 0, quotes: 0, hashtags: post.hashtags, mentions: post.mentions.map((m) => ({ handle: m.handle, externalId: null })),
    links: [], langDetected: false, sentiment: null, isQuestion: false, searchConfig: 'simple',
  }
}

function loop(matchers: ReturnType<typeof topicMatcher>[], post: EnrichedPost, prepared: ReturnType<typeof preparePost>): TopicMatches | null {
  let found: TopicMatches | null = null
  for (const topic of matchers) {
    const terms = topic.match(post, prepared)
    if (terms) (found ??= []).push([topic.topicId, terms])
  }
  return found
}

t.test('the index finds the same topics and terms as the per-topic loop', async (t) => {
  // Topics must ask for something (the parser refuses the rest), as stored topics do.
  const trees = fc.sample(vocabularyTree.filter((ast) => isAnchored(ast)), { numRuns: 600, seed: SEED })
  const filters = fc.sample(fc.tuple(fc.subarray(NETWORKS, { maxLength: 2 }), fc.subarray(LANGS, { maxLength: 1 })), { numRuns: trees.length, seed: SEED + 1 })
  const matchers = trees.map((ast, i) => {
    // Most topics take every network and language, as most real topics do.
    const [networks, languages] = i % 4 === 0 ? filters[i] : [[], []]
    return topicMatcher({ id: `topic-${i}`, query: print(ast), networks, languages })
  })
  // The vocabulary is small, so every post is on dozens of 600 topics: the lists are also compared
  // in groups of 12 topics, where most posts are on none and the index must leave topics out.
  const GROUP = 12
  const groups = [matchers, ...Array.from({ length: matchers.length / GROUP }, (_, g) => matchers.slice(g * GROUP, (g + 1) * GROUP))]
  let compared = 0
  let matchedPairs = 0
  let postsOnATopic = 0
  let differences = 0
  groups.forEach((group, g) => {
    const index = topicIndex(group)
    // Posts written from some topic's own terms, so that many of them match something.
    const posts = fc.sample(fc.constantFrom(...trees).chain((ast) => postFor(ast)), { numRuns: g === 0 ? 1000 : 40, seed: SEED + 10 + g })
    for (const raw of posts) {
      const post = enriched(raw)
      const prepared = preparePost({ ...raw, authorHandle: raw.authorHandle ?? null })
      const expected = loop(group, post, prepared)
      const actual = index.match(post, prepared)
      compared++
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        if (differences++ < 3) t.same(actual, expected, `post ${JSON.stringify(raw)}`)
      }
      if (expected) {
        postsOnATopic++
        matchedPairs += expected.length
      }
    }
  })
  const posts = { length: compared }
  t.equal(differences, 0, `${compared} posts against all ${matchers.length} topics or groups of ${GROUP}: no difference`)
  // The comparison means something only if many posts are on topics, and many are not.
  t.ok(postsOnATopic > posts.length / 4, `${postsOnATopic} posts on at least one topic`)
  t.ok(postsOnATopic < posts.length, `${posts.length - postsOnATopic} posts on none`)
  t.ok(matchedPairs > posts.length, `${matchedPairs} (topic, post) matches compared`)
})

t.test('topics limited to other networks or excluding a word are left out, phrases and short handles found', async (t) => {
  const matchers = [
    topicMatcher({ id: 'rust-on-mastodon', query: '#rust', networks: ['mastodon'], languages: [] }),
    topicMatcher({ id: 'not-spam', query: 'rust -spam', networks: [], languages: [] }),
    topicMatcher({ id: 'crab', query: '"crab rave" OR @ferris', networks: [], languages: [] }),
  ]
  const index = topicIndex(matchers)
  const post = (text: string, handles: string[] = []) => {
    const raw = { text, hashtags: [], mentions: handles.map((handle) => ({ handle })), lang: 'en', network: 'bluesky' }
    return [enriched(raw), preparePost(raw)] as const
  }
  t.same(index.match(...post('#rust today')), [['not-spam', ['rust']]])
  t.same(index.match(...post('rust: a crab rave, with @ferris@social.example', ['ferris@social.example'])), [['not-spam', ['rust']], ['crab', ['"crab rave"', '@ferris']]])
  t.equal(index.match(...post('rust spam')), null)
  t.equal(index.match(...post('a rave of crabs')), null)
})
