import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { networkSummaries } from '../stats/network-summary.ts'
import type { TimeRange } from '../time-window.ts'
import { notEnoughData } from '../confidence.ts'
import { percentChange, round } from '../numbers.ts'
import { networkLabel } from '../../../platform/shared/network-names.ts'
import { influencersByNetwork, latestRun, weeklyMentions } from './fit-inputs.ts'
import { fitReasons, recommendationSummary, type FitFacts } from './reasons.ts'
import type { NetworkFit, NetworkFitEntry } from './schema.ts'

/** Mentions the topic needs, all networks together, before a network is recommended. */
export const MIN_MENTIONS_FOR_FIT = 20
/** Mentions a network needs before its figures (shares, engagement, growth) are more than anecdotes. */
export const MIN_NETWORK_MENTIONS = 5

/** The weights of the fit score; influencer density drops out (others scaled up) before any scoring. */
export const FIT_WEIGHTS = { mentionShare: 0.3, authorShare: 0.2, influencerDensity: 0.3, engagement: 0.1, growth: 0.1 } as const

/** Where the topic's conversation lives, network by network, ranked by fit with its reasons. */
export async function computeNetworkFit(db: Kysely<DB>, topicId: string, range: TimeRange): Promise<NetworkFit> {
  const [summaries, weekly, run] = await Promise.all([networkSummaries(db, topicId, range), weeklyMentions(db, topicId, range.until), latestRun(db, topicId)])
  const influencers = run ? await influencersByNetwork(db, run.id) : new Map<string, { top10: number; top100: number }>()
  const totalMentions = summaries.reduce((s, r) => s + r.mentions, 0)
  const totalAuthors = summaries.reduce((s, r) => s + r.authors, 0)
  const networks = [...new Set([...summaries.map((r) => r.network), ...influencers.keys()])]
  const perPost = new Map(summaries.map((r) => [r.network, r.mentions ? r.engagement / r.mentions : null]))
  let best: FitFacts['bestEngagement'] = null
  for (const [network, value] of perPost) if (value !== null && (!best || value > best.perPost)) best = { network, perPost: value }
  const largest = summaries[0]?.network

  const facts: FitFacts[] = networks.map((network) => {
    const s = summaries.find((r) => r.network === network)
    const week = weekly.get(network) ?? { current: 0, previous: 0 }
    return {
      network,
      mentions: s?.mentions ?? 0,
      mentionShare: totalMentions && s ? s.mentions / totalMentions : 0,
      largestShare: network === largest,
      uniqueAuthors: s?.authors ?? 0,
      authorShare: totalAuthors && s ? s.authors / totalAuthors : 0,
      engagementPerPost: perPost.get(network) ?? null,
      bestEngagement: best,
      influencers: run ? (influencers.get(network) ?? { top10: 0, top100: 0 }) : null,
      growth: { current: week.current, previous: week.previous, changePct: percentChange(week.current, week.previous) },
    }
  })
  const entries = facts
    .map((f) => ({ f, score: fitScore(f, run?.top100Size ?? 0) }))
    .sort((a, b) => b.score - a.score || b.f.mentions - a.f.mentions || (a.f.network < b.f.network ? -1 : 1))
    .map(({ f, score }, i): NetworkFitEntry => ({
      network: f.network,
      rank: i + 1,
      fitScore: round(score, 1),
      mentions: f.mentions,
      mentionShare: round(f.mentionShare, 4),
      uniqueAuthors: f.uniqueAuthors,
      authorShare: round(f.authorShare, 4),
      engagementPerPost: f.engagementPerPost === null ? null : round(f.engagementPerPost, 4),
      influencers: { top10: f.influencers?.top10 ?? 0, top100: f.influencers?.top100 ?? 0, density: f.influencers && run?.top100Size ? round(f.influencers.top100 / run.top100Size, 4) : null },
      growth: { currentWeek: f.growth.current, previousWeek: f.growth.previous, changePct: f.growth.changePct },
      enoughData: f.mentions >= MIN_NETWORK_MENTIONS,
      notice: f.mentions >= MIN_NETWORK_MENTIONS ? null : notEnoughData(f.mentions, MIN_NETWORK_MENTIONS, { en: [`mention on ${networkLabel(f.network)}`, `mentions on ${networkLabel(f.network)}`], fr: [`mention sur ${networkLabel(f.network)}`, `mentions sur ${networkLabel(f.network)}`] }),
      reasons: fitReasons(f),
    }))
  const enough = totalMentions >= MIN_MENTIONS_FOR_FIT
  const topEntry = enough ? entries.find((e) => e.enoughData) : undefined
  const top = topEntry && facts.find((f) => f.network === topEntry.network)
  return {
    since: range.since.toISOString(),
    until: range.until.toISOString(),
    scoreRun: run ? { id: run.id, computedAt: run.computedAt.toISOString() } : null,
    mentions: totalMentions,
    minMentions: MIN_MENTIONS_FOR_FIT,
    minNetworkMentions: MIN_NETWORK_MENTIONS,
    enoughData: enough,
    notice: enough ? null : notEnoughData(totalMentions, MIN_MENTIONS_FOR_FIT, { en: ['mention in the period', 'mentions in the period'], fr: ['mention sur la période', 'mentions sur la période'] }),
    recommendation: top ? { network: top.network, summary: recommendationSummary(top) } : null,
    networks: entries,
  }
}

function fitScore(f: FitFacts, top100Size: number): number {
  const growth = f.growth.changePct === null ? (f.growth.current > 0 ? 1 : 0.5) : Math.min(1, Math.max(0, 0.5 + f.growth.changePct / 200))
  const engagement = f.engagementPerPost !== null && f.bestEngagement && f.bestEngagement.perPost > 0 ? f.engagementPerPost / f.bestEngagement.perPost : 0
  const parts: [number, number][] = [
    [FIT_WEIGHTS.mentionShare, f.mentionShare],
    [FIT_WEIGHTS.authorShare, f.authorShare],
    [FIT_WEIGHTS.engagement, engagement],
    [FIT_WEIGHTS.growth, growth],
  ]
  if (f.influencers && top100Size > 0) parts.push([FIT_WEIGHTS.influencerDensity, f.influencers.top100 / top100Size])
  const weight = parts.reduce((s, [w]) => s + w, 0)
  return (100 * parts.reduce((s, [w, v]) => s + w * v, 0)) / weight
}
