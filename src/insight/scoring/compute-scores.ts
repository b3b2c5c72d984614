import { betweenness, fromEdges, kCore } from '../../graph/index.ts'
import type { ScoreComponents } from '../../platform/db/tables/scores.ts'
import { audiences, findCommunities } from './communities.ts'
import { computeInfluence } from './influence.ts'
import { computeRelay } from './relay.ts'
import { samePersonPairs } from './same-person.ts'
import { topicalActivity } from './topical-activity.ts'
import { tieEdges, type TopicGraph } from './topic-graph.ts'

export { DAMPING } from './influence.ts'

export interface AccountScore {
  node: number
  influence: number
  relay: number
  community: number
  /** No on-topic post in the window: an audience the topic listens to, ranked after every author. */
  audience: boolean
  components: ScoreComponents
}

/** Above this many nodes betweenness is estimated from sampled sources (seeded, repeatable). */
export const EXACT_BETWEENNESS_MAX_NODES = 3000
export const BETWEENNESS_SAMPLES = 256
/** "Followed by k of the N most active accounts": N at most this. */
export const MOST_ACTIVE_MAX = 120

/**
 * Influence (topic-sensitive PageRank, see influence.ts), relays (content passed on across
 * communities, see relay.ts) and communities (communities.ts) of every account of the topic
 * graph. Scores are 0–100 within the topic: influence is 100 × √(PageRank / top PageRank) so gaps
 * near the top stay visible; relay is linear in its raw value. An account with no on-topic post
 * scores 0 influence: it is an audience, not an influencer.
 */
export function computeScores(graph: TopicGraph): AccountScore[] {
  const n = graph.accountIds.length
  if (n === 0) return []
  const passesMade = new Float64Array(n)
  for (const i of graph.interactions) if (i.kind === 'repost' || i.kind === 'quote') passesMade[i.source]++
  const topical = topicalActivity(graph, passesMade)
  const { pageRank, teleport, gift } = computeInfluence(graph, topical)
  const samePerson = samePersonPairs(graph.networks, graph.handles)
  const community = findCommunities(graph, samePerson)
  const audience = audiences(graph)
  const relay = computeRelay(graph, community, audience)

  const edges = tieEdges(graph)
  const ties = fromEdges(n, edges.src, edges.dst)
  const btw = betweenness(ties, { directed: false, normalized: true, ...(n > EXACT_BETWEENNESS_MAX_NODES && { samples: BETWEENNESS_SAMPLES }) })
  const cores = kCore(ties)
  const cross = crossCommunityShare(audience, graph, community)
  const interactors = distinctInteractors(graph)
  const mostActive = mostActiveAccounts(graph, gift)
  const followedByActive = new Int32Array(n)
  for (let e = 0; e < graph.followFrom.length; e++) if (mostActive.has(graph.followFrom[e])) followedByActive[graph.followTo[e]]++
  const topicalFollowers = new Int32Array(n)
  for (let e = 0; e < graph.followFrom.length; e++) if (graph.topicPosts[graph.followFrom[e]] > 0) topicalFollowers[graph.followTo[e]]++
  const twin = new Map<number, number>()
  for (const p of samePerson) { twin.set(p.a, p.b); twin.set(p.b, p.a) }

  const isAuthor = (v: number) => graph.topicPosts[v] > 0
  let maxPr = 0
  let maxRelay = 0
  for (let v = 0; v < n; v++) {
    if (isAuthor(v) && pageRank[v] > maxPr) maxPr = pageRank[v]
    if (relay.raw[v] > maxRelay) maxRelay = relay.raw[v]
  }
  const rel = (x: number, m: number) => (m > 0 ? x / m : 0)
  return Array.from({ length: n }, (_, v) => {
    const other = twin.get(v)
    return {
      node: v,
      influence: isAuthor(v) ? round2(100 * Math.sqrt(rel(pageRank[v], maxPr))) : 0,
      relay: round2(100 * rel(relay.raw[v], maxRelay)),
      community: community[v],
      audience: !isAuthor(v),
      components: {
        pageRank: pageRank[v],
        topicActivity: teleport[v],
        topicPosts: graph.topicPosts[v],
        engagement: graph.likesReceived[v] + 2 * graph.repostsReceived[v] + graph.repliesReceived[v] + 2 * graph.quotesReceived[v],
        inDegree: audience[v].size,
        betweenness: btw[v],
        crossCommunity: cross[v],
        amplification: relay.passes[v],
        followers: Number.isNaN(graph.followers[v]) ? null : graph.followers[v],
        kCore: cores[v],
        audience: !isAuthor(v),
        likesReceived: graph.likesReceived[v],
        repliesReceived: graph.repliesReceived[v],
        repostsReceived: graph.repostsReceived[v],
        quotesReceived: graph.quotesReceived[v],
        interactors: interactors[v],
        topicalFollowers: topicalFollowers[v],
        followedByMostActive: followedByActive[v],
        mostActive: mostActive.size,
        amplificationRate: round4(relay.rate[v]),
        crossings: round4(relay.crossings[v]),
        communitiesPassedFrom: relay.communitiesFrom[v],
        audienceCommunities: relay.audienceCommunities[v],
        sameAs: other === undefined ? null : { network: graph.networks[other], handle: graph.handles[other], via: 'bridgy-fed' },
      },
    }
  })
}

/** Distinct accounts that answered, reposted, quoted or mentioned each account about the topic. */
function distinctInteractors(graph: TopicGraph): Int32Array {
  const seen = new Set<string>()
  const count = new Int32Array(graph.accountIds.length)
  for (const i of graph.interactions) {
    const key = `${i.source} ${i.target}`
    if (!seen.has(key)) { seen.add(key); count[i.target]++ }
  }
  return count
}

/** The accounts with the most on-topic posts among those someone answered, reposted or liked. */
function mostActiveAccounts(graph: TopicGraph, gift: Float64Array): Set<number> {
  const candidates = graph.accountIds.map((_, v) => v).filter((v) => graph.topicPosts[v] > 0 && gift[v] > 0)
  candidates.sort((a, b) => graph.topicPosts[b] - graph.topicPosts[a] || gift[b] - gift[a] || a - b)
  return new Set(candidates.slice(0, MOST_ACTIVE_MAX))
}

/** Share of a node's audience and of whom it attends to that sits in another community. */
function crossCommunityShare(audience: Set<number>[], graph: TopicGraph, community: Int32Array): Float64Array {
  const n = community.length
  const neighbours = audience.map((s) => new Set(s))
  for (let e = 0; e < graph.followFrom.length; e++) neighbours[graph.followFrom[e]].add(graph.followTo[e])
  for (const i of graph.interactions) neighbours[i.source].add(i.target)
  const share = new Float64Array(n)
  for (let v = 0; v < n; v++) {
    neighbours[v].delete(v)
    let other = 0
    for (const u of neighbours[v]) if (community[u] !== community[v]) other++
    share[v] = neighbours[v].size ? round4(other / neighbours[v].size) : 0
  }
  return share
}

const round2 = (x: number) => Math.round(x * 100) / 100
const round4 = (x: number) => Math.round(x * 10_000) / 10_000
