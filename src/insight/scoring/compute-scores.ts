import { betweenness, fromEdges, kCore } from '../../graph/index.ts'
import type { ScoreComponents } from '../../platform/db/tables/scores.ts'
import { audiences, findCommunities } from './communities.ts'
import { computeInfluence } from './influence.ts'
import { computeRelay } from './relay.ts'
import { samePersonPairs, type SamePersonVia } from './same-person.ts'
import { topicalActivity } from './topical-activity.ts'
import { betweennessSamples } from './betweenness-budget.ts'
import { distinctNeighbours, sizes } from './neighbour-lists.ts'
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
  const samePerson = samePersonPairs(graph.networks, graph.handles, graph.verifiedLinks)
  const community = findCommunities(graph, samePerson)
  const audience = audiences(graph)
  const relay = computeRelay(graph, community, audience)

  const edges = tieEdges(graph)
  const ties = fromEdges(n, edges.src, edges.dst)
  const samples = betweennessSamples(n, edges.src.length)
  const btw = betweenness(ties, { directed: false, normalized: true, ...(samples !== undefined && { samples }) })
  const cores = kCore(ties)
  const inDegree = sizes(audience)
  const cross = crossCommunityShare(edges, community)
  const interactors = distinctInteractors(graph)
  const mostActive = mostActiveAccounts(graph, gift)
  const followedByActive = new Int32Array(n)
  for (let e = 0; e < graph.followFrom.length; e++) if (mostActive.has(graph.followFrom[e])) followedByActive[graph.followTo[e]]++
  const topicalFollowers = new Int32Array(n)
  for (let e = 0; e < graph.followFrom.length; e++) if (graph.topicPosts[graph.followFrom[e]] > 0) topicalFollowers[graph.followTo[e]]++
  const twin = new Map<number, { node: number; via: SamePersonVia }>()
  for (const p of samePerson) { twin.set(p.a, { node: p.b, via: p.via }); twin.set(p.b, { node: p.a, via: p.via }) }

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
        inDegree: inDegree[v],
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
        audienceInGraph: relay.audienceSize[v],
        followersBeyond: relay.followersBeyond[v],
        sameAs: other === undefined ? null : { network: graph.networks[other.node], handle: graph.handles[other.node], via: other.via },
      },
    }
  })
}

/** Distinct accounts that answered, reposted, quoted or mentioned each account about the topic. */
function distinctInteractors(graph: TopicGraph): Int32Array {
  const from = Int32Array.from(graph.interactions, (i) => i.source)
  const to = Int32Array.from(graph.interactions, (i) => i.target)
  return sizes(distinctNeighbours(graph.accountIds.length, from, to, true))
}

/** The accounts with the most on-topic posts among those someone answered, reposted or liked. */
function mostActiveAccounts(graph: TopicGraph, gift: Float64Array): Set<number> {
  const candidates = graph.accountIds.map((_, v) => v).filter((v) => graph.topicPosts[v] > 0 && gift[v] > 0)
  candidates.sort((a, b) => graph.topicPosts[b] - graph.topicPosts[a] || gift[b] - gift[a] || a - b)
  return new Set(candidates.slice(0, MOST_ACTIVE_MAX))
}

/** Share of a node's audience and of whom it attends to that sits in another community. */
function crossCommunityShare(edges: { src: Int32Array; dst: Int32Array }, community: Int32Array): Float64Array {
  const n = community.length
  const ties = edges.src.length
  const from = new Int32Array(2 * ties)
  const to = new Int32Array(2 * ties)
  from.set(edges.src); from.set(edges.dst, ties)
  to.set(edges.dst); to.set(edges.src, ties)
  const neighbours = distinctNeighbours(n, from, to)
  const share = new Float64Array(n)
  for (let v = 0; v < n; v++) {
    const start = neighbours.offsets[v]
    const end = neighbours.offsets[v + 1]
    let other = 0
    for (let p = start; p < end; p++) if (community[neighbours.items[p]] !== community[v]) other++
    share[v] = end > start ? round4(other / (end - start)) : 0
  }
  return share
}

const round2 = (x: number) => Math.round(x * 100) / 100
const round4 = (x: number) => Math.round(x * 10_000) / 10_000
