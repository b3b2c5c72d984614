import t from 'tap'
import { computeRelay } from '../../src/insight/scoring/relay.ts'
import { audiences } from '../../src/insight/scoring/communities.ts'
import type { TopicGraph } from '../../src/insight/scoring/topic-graph.ts'
import { computeScores } from '../../src/insight/scoring/compute-scores.ts'
import { reasonsFor } from '../../src/insight/rankings/reasons.ts'

// One community talks about the topic: author 0 writes, 1 and 2 follow everyone in it. Accounts
// 3 and 4 each repost author 0 twice and are followed by 1 and 2; the network counts 2 followers
// for 3 (all in the graph) and 40 for 4 (38 who never wrote on the topic). Account 5 reposts as
// much, with 40 followers too, all of them in the graph's community.
function graph(followersOf4: number): TopicGraph {
  const n = 6 + 40
  const followFrom: number[] = []
  const followTo: number[] = []
  const follow = (a: number, b: number) => { followFrom.push(a); followTo.push(b) }
  for (const a of [1, 2]) for (const b of [0, 3, 4]) follow(a, b)
  for (let k = 6; k < n; k++) { follow(k, 5); follow(k, 0) }
  const repost = (source: number) => ({ source, target: 0, kind: 'repost' as const, weight: 3 })
  const zeros = () => new Float64Array(n)
  const topicPosts = zeros()
  topicPosts[0] = 5
  for (let k = 6; k < n; k++) topicPosts[k] = 1
  const followers = new Float64Array(n).fill(Number.NaN)
  followers[3] = 2
  followers[4] = followersOf4
  followers[5] = 40
  return {
    accountIds: Array.from({ length: n }, (_, v) => v + 1), networks: Array(n).fill('mastodon'), handles: Array.from({ length: n }, (_, v) => `a${v}`),
    interactions: [repost(3), repost(3), repost(4), repost(4), repost(5), repost(5)],
    followFrom: Int32Array.from(followFrom), followTo: Int32Array.from(followTo),
    topicPosts, likesReceived: zeros(), repliesReceived: zeros(), repostsReceived: zeros(), quotesReceived: zeros(), followers,
    counts: { posts: 0, interactions: 6, follows: followFrom.length, activeAuthors: n, activeWithFollowLists: n },
  }
}
const oneCommunity = (g: TopicGraph) => new Int32Array(g.accountIds.length)

t.test('followers beyond the topic graph are an audience outside its communities', async (t) => {
  const g = graph(40)
  const relay = computeRelay(g, oneCommunity(g), audiences(g))
  t.equal(relay.followersBeyond[3], 0, 'both followers of account 3 are in the graph')
  t.equal(relay.followersBeyond[4], 38, '38 of the 40 followers of account 4 are beyond the graph')
  t.equal(relay.followersBeyond[5], 0, 'all 40 followers of account 5 are in the graph')
  t.equal(relay.raw[3], 0, 'passing posts to the author\'s own community only crosses nothing')
  t.equal(relay.raw[5], 0, 'however large that audience is')
  t.equal(relay.crossings[4], 2 * (38 / 40), 'each post account 4 passed on reached 38 of its 40 followers outside the community')
  t.ok(relay.raw[4] > 0, 'account 4 is a relay')
})

t.test('an unknown follower count adds no one beyond the graph', async (t) => {
  const g = graph(Number.NaN)
  const relay = computeRelay(g, oneCommunity(g), audiences(g))
  t.equal(relay.followersBeyond[4], 0, 'nothing beyond the graph is assumed')
  t.equal(relay.raw[4], 0, 'so account 4 crosses nothing either')
})

t.test('a relay\'s reasons say its audience reaches followers beyond the topic, in English and French', async (t) => {
  const scores = computeScores(graph(40))
  const reasons = (v: number, lang: 'en' | 'fr') => reasonsFor({ ranking: 'relays', influenceRank: 0, components: scores[v].components, communityName: null }, lang)
  t.equal(scores[4].components.followersBeyond, 38, 'the count beyond the graph is kept with the score')
  t.equal(scores[4].components.audienceInGraph, 2, 'beside its audience in the graph')
  t.ok(reasons(4, 'en').includes('Its audience counts 38 followers who have not written on the topic, beyond 2 accounts in the topic\'s graph: what it passes on to them leaves the topic\'s circle.'), reasons(4, 'en').join(' | '))
  t.ok(reasons(4, 'en').some((r) => /reached people outside the author's community, its followers beyond the topic included\.$/.test(r)), 'the crossing share says it counts them')
  t.ok(reasons(4, 'fr').includes('Son public compte 38 abonnés qui n’ont pas écrit sur le sujet, en plus de 2 comptes dans le graphe du sujet : ce qu’il leur relaie sort du cercle du sujet.'), reasons(4, 'fr').join(' | '))
  t.ok(reasons(4, 'fr').some((r) => /ses abonnés hors du sujet compris\.$/.test(r)), 'and in French')
  t.notOk(reasons(3, 'en').some((r) => /beyond/.test(r)), 'an account whose followers are all in the graph is not said to reach beyond it')
})
