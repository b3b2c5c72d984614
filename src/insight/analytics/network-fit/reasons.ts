import { networkLabel } from '../../../platform/shared/network-names.ts'

export interface FitFacts {
  network: string
  mentions: number
  mentionShare: number
  largestShare: boolean
  uniqueAuthors: number
  authorShare: number
  engagementPerPost: number | null
  bestEngagement: { network: string; perPost: number } | null
  influencers: { top10: number; top100: number } | null
  growth: { current: number; previous: number; changePct: number | null }
}

const pct = (share: number) => `${Math.round(share * 100)}%`
const figure = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1))

/** Each figure of a network's fit, as a sentence. */
export function fitReasons(f: FitFacts): string[] {
  const name = networkLabel(f.network)
  const reasons: string[] = []
  if (f.mentions === 0) reasons.push(`No mentions on ${name} in the period.`)
  else if (f.mentionShare >= 0.5) reasons.push(`Most of the conversation (${pct(f.mentionShare)}) is on ${name}.`)
  else if (f.largestShare) reasons.push(`The largest part of the conversation (${pct(f.mentionShare)}) is on ${name}.`)
  else reasons.push(`${pct(f.mentionShare)} of the conversation is on ${name}.`)
  if (f.uniqueAuthors > 0) reasons.push(`${f.uniqueAuthors} ${f.uniqueAuthors === 1 ? 'person' : 'people'} (${pct(f.authorShare)} of the authors) talk about the topic there.`)
  if (f.influencers === null) reasons.push('Influencer density is unknown until the topic is scored.')
  else if (f.influencers.top100 === 0) reasons.push(`None of the top 100 influencers is on ${name}.`)
  else reasons.push(`${f.influencers.top10} of the top 10 influencers and ${f.influencers.top100} of the top 100 are on ${name}.`)
  if (f.engagementPerPost !== null && f.bestEngagement) {
    if (f.bestEngagement.network === f.network) reasons.push(`Engagement per post is the highest there (${figure(f.engagementPerPost)}).`)
    else reasons.push(`Engagement per post is ${figure(f.engagementPerPost)} (${figure(f.bestEngagement.perPost)} on ${networkLabel(f.bestEngagement.network)}).`)
  }
  const { current, previous, changePct } = f.growth
  if (changePct === null) {
    if (current > 0) reasons.push(`New this week: ${current} mentions, none the week before.`)
  } else if (changePct > 0) reasons.push(`Mentions grew ${figure(changePct)}% week over week (${previous} → ${current}).`)
  else if (changePct < 0) reasons.push(`Mentions fell ${figure(-changePct)}% week over week (${previous} → ${current}).`)
  else reasons.push(`Mentions held steady week over week (${current}).`)
  return reasons
}

/** Why the best network comes first, in one sentence: its share of the talk and of the top influencers. */
export function recommendationSummary(f: FitFacts): string {
  const name = networkLabel(f.network)
  const conversation = f.mentionShare >= 0.5
    ? `Most of the conversation (${pct(f.mentionShare)})`
    : f.largestShare && f.mentions > 0 ? `The largest part of the conversation (${pct(f.mentionShare)})` : null
  const influencers = f.influencers && f.influencers.top10 > 0 ? `${f.influencers.top10} of the top 10 influencers` : null
  if (conversation && influencers) return `${conversation} and ${influencers} are on ${name}.`
  if (conversation) return `${conversation} is on ${name}.`
  if (influencers) return `${influencers} are on ${name}.`
  return `${name} fits best overall: ${pct(f.mentionShare)} of the conversation, ${pct(f.authorShare)} of the authors.`
}
