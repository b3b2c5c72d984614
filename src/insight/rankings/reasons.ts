import type { ScoreComponents } from '../../platform/db/tables/scores.ts'
import type { Ranking, ReasonLanguage } from './dto.ts'
import { REASON_PHRASES, type ReasonPhrases } from './reason-phrases.ts'

export interface ReasonInput { ranking: Ranking; influenceRank: number; components: ScoreComponents; communityName: string | null }

/**
 * Why an account ranks where it does, in words, from the components its scores were computed
 * from. Snapshots from before the components were kept give the sentences they can.
 */
export function reasonsFor(input: ReasonInput, lang: ReasonLanguage): string[] {
  const p = REASON_PHRASES[lang]
  const c = input.components
  const reasons: string[] = []
  if (input.ranking === 'relays') reasons.push(...relayReasons(c, p))
  else if (c.audience) reasons.push(audienceReason(c, p))
  else {
    if (input.ranking === 'prospects') reasons.push(p.prospect(input.influenceRank))
    reasons.push(...authorReasons(c, p))
  }
  if (input.communityName) reasons.push(p.inCommunity(input.communityName))
  if (c.sameAs) reasons.push(p.sameAs(c.sameAs.handle, c.sameAs.network, c.sameAs.via))
  if (input.ranking === 'prospects') reasons.push(p.noTie)
  return reasons
}

function authorReasons(c: ScoreComponents, p: ReasonPhrases): string[] {
  const out = [p.wrote(p.count(c.topicPosts, ...p.post))]
  const parts = [
    c.repliesReceived ? p.count(c.repliesReceived, ...p.reply) : null,
    c.repostsReceived ? p.count(c.repostsReceived, ...p.repost) : null,
    c.quotesReceived ? p.count(c.quotesReceived, ...p.quote) : null,
  ].filter((x): x is string => x !== null)
  const likes = c.likesReceived ? p.count(c.likesReceived, ...p.like) : null
  if (parts.length > 0) out.push(p.received(joined([...parts, ...(likes ? [likes] : [])], p), p.count(c.interactors ?? 0, ...p.account)))
  else if (likes) out.push(p.likesOnly(likes))
  if (c.followedByMostActive && c.mostActive) out.push(p.followedByActive(c.followedByMostActive, c.mostActive))
  return out
}

function audienceReason(c: ScoreComponents, p: ReasonPhrases): string {
  return c.interactors ? p.audience(p.count(c.interactors, ...p.account)) : p.audienceSilent
}

function relayReasons(c: ScoreComponents, p: ReasonPhrases): string[] {
  if (!c.amplification) return [p.passedNothing]
  const out = [p.passedOn(p.count(c.amplification, ...p.post), p.count(c.communitiesPassedFrom ?? 0, ...p.community), p.count(c.audienceCommunities ?? 0, ...p.community))]
  if (c.amplificationRate !== undefined) out.push(p.passRate(p.percent(c.amplificationRate)))
  if (c.followersBeyond) out.push(p.beyond(p.count(c.followersBeyond, ...p.follower), p.count(c.audienceInGraph ?? 0, ...p.account)))
  if (c.crossings !== undefined) out.push(c.followersBeyond ? p.crossedBeyond(p.percent(Math.min(1, c.crossings / Math.max(1, c.amplification)))) : p.crossed(p.percent(Math.min(1, c.crossings / Math.max(1, c.amplification)))))
  return out
}

const joined = (parts: string[], p: ReasonPhrases) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${p.and} ${parts.at(-1)}`)
