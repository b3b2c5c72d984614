// How the inbox orders what needs an answer: priority = reach × urgency × recency.
//   reach    = 1 + log₁₀(1 + author's followers) + log₁₀(1 + reactions to the post)
//              (a post from 9 followers with no reaction: 2; from 10,000 followers with 100 reactions: 7)
//   urgency  = 3 if it names one of the brand's own accounts, + 2 if it asks a question,
//              + 2 if it complains (negative sentiment)
//   recency  = ½ ^ (age in days): halves every day, so yesterday's question from a large account
//              still ranks above a new sigh from a tiny one, and last week's fades away
// Logs, not raw counts, so a large account does not bury every small one.
import { sql, type RawBuilder } from 'kysely'
import { postEngagement } from '../analytics/engagement.ts'

export const URGENCY = { directMention: 3, question: 2, negative: 2 } as const
export const RECENCY_HALF_LIFE_DAYS = 1

export function reachSql(): RawBuilder<number> {
  return sql<number>`(1 + log(1 + greatest(coalesce(a.followers_count, 0), 0)) + log(1 + greatest(${postEngagement}, 0)))::float8`
}

export function recencySql(asOf: Date): RawBuilder<number> {
  return sql<number>`power(0.5, greatest(0, extract(epoch from (${asOf}::timestamptz - tp.post_created_at)) / 86400.0) / ${RECENCY_HALF_LIFE_DAYS})::float8`
}

export interface PriorityParts {
  ownAccount?: string | null
  /** It answers in the conversation under the account's post rather than naming the account. */
  inOwnThread?: boolean
  reach: number; urgency: number; recency: number; followers: number; engagement: number; ageHours: number }

const hours = (h: number, lang: 'en' | 'fr') => (h < 1 ? (lang === 'en' ? 'less than an hour ago' : 'il y a moins d\'une heure') : h < 48 ? (lang === 'en' ? `${Math.floor(h)} h ago` : `il y a ${Math.floor(h)} h`) : (lang === 'en' ? `${Math.floor(h / 24)} days ago` : `il y a ${Math.floor(h / 24)} jours`))

/** Why an item is in the inbox and where it ranks, in English and French. */
export function whyInInbox(reasons: readonly ('question' | 'negative' | 'directMention')[], p: PriorityParts): { en: string; fr: string } {
  const en: string[] = []
  const fr: string[] = []
  if (reasons.includes('directMention')) {
    if (p.ownAccount && p.inOwnThread) en.push(`replies under a post by ${p.ownAccount}`), fr.push(`répond sous une publication de ${p.ownAccount}`)
    else if (p.ownAccount) en.push(`mentions ${p.ownAccount}`), fr.push(`mentionne ${p.ownAccount}`)
    else en.push('Names one of your accounts'), fr.push('Cite l\'un de vos comptes')
  }
  if (reasons.includes('question')) en.push('asks a question'), fr.push('pose une question')
  if (reasons.includes('negative')) en.push('reads as a complaint'), fr.push('ressemble à une plainte')
  const cap = (parts: string[]) => parts.join(', ').replace(/^./, (c) => c.toUpperCase())
  const reach = (lang: 'en' | 'fr') => lang === 'en'
    ? `${p.followers} ${p.followers === 1 ? 'follower' : 'followers'}, ${p.engagement} ${p.engagement === 1 ? 'reaction' : 'reactions'}, posted ${hours(p.ageHours, 'en')}`
    : `${p.followers} abonné${p.followers > 1 ? 's' : ''}, ${p.engagement} réaction${p.engagement > 1 ? 's' : ''}, publié ${hours(p.ageHours, 'fr')}`
  return { en: `${cap(en)}. ${reach('en').replace(/^./, (c) => c.toUpperCase())}.`, fr: `${cap(fr)}. ${reach('fr').replace(/^./, (c) => c.toUpperCase())}.` }
}
