import type { DigestLanguage } from '../../../platform/db/tables/digests.ts'

/** Every word the digest shows, per language. */
export interface DigestStrings {
  weeklyDigest: string
  subject(topic: string, mentions: string, change: string): string
  weekOf(range: string): string
  weekInNumbers: string
  mentions: string
  authors: string
  engagement: string
  negativeShare: string
  sentiment: string
  vsPrevious(value: string): string
  noPrevious: string
  perDay: string
  perNetwork: string
  spikes: string
  spikeVolume(network: string, when: string, volume: string): string
  spikeNegative(network: string, when: string, share: string, volume: string): string
  topInfluencers: string
  risers: string
  relays: string
  prospects: string
  noProspectsWithoutOwn: string
  newEntrant: string
  rankedAt(when: string): string
  notScored: string
  risingHashtags: string
  noRisingHashtags: string
  usual(count: string): string
  whereToInvest: string
  recommend(network: string): string
  fitReason(authors: string, rate: string | null, influencers: string | null): string
  growth(change: string): string
  toAnswer: string
  toAnswerCount(n: number, more: boolean): string
  nothingToAnswer: string
  reasonDirect: string
  reasonNegative: string
  reasonQuestion: string
  open: string
  inTheApi: string
  footer(topic: string): string
  unsubscribe(id: string): string
  nothing: string
}

const en: DigestStrings = {
  weeklyDigest: 'Weekly digest',
  subject: (topic, mentions, change) => `${topic}: ${mentions} mentions this week${change ? ` (${change})` : ''}`,
  weekOf: (range) => `Week of ${range}`,
  weekInNumbers: 'The week in numbers',
  mentions: 'Mentions',
  authors: 'Authors',
  engagement: 'Engagement',
  negativeShare: 'Negative',
  sentiment: 'Sentiment',
  vsPrevious: (value) => `${value} the week before`,
  noPrevious: 'nothing the week before',
  perDay: 'Mentions per day',
  perNetwork: 'Mentions per network',
  spikes: 'Spikes this week',
  spikeVolume: (network, when, volume) => `Volume spike on ${network}, ${when}: ${volume} mentions in an hour`,
  spikeNegative: (network, when, share, volume) => `Negative spike on ${network}, ${when}: ${share} negative of ${volume} mentions`,
  topInfluencers: 'Top influencers',
  risers: 'Rising',
  relays: 'Relays',
  prospects: 'Prospects worth contacting',
  noProspectsWithoutOwn: 'Name the topic\'s own accounts to find prospects.',
  newEntrant: 'new',
  rankedAt: (when) => `Ranked ${when}`,
  notScored: 'The topic has not been ranked yet.',
  risingHashtags: 'Rising hashtags',
  noRisingHashtags: 'No hashtag took off this week.',
  usual: (count) => `usually ${count}`,
  whereToInvest: 'Where to invest',
  recommend: (network) => `Focus on ${network}`,
  fitReason: (authors, rate, influencers) => [`${authors} of the authors`, rate && `${rate} interactions per mention`, influencers && `${influencers} of the top influencers`].filter(Boolean).join(', '),
  growth: (change) => `${change} on the week before`,
  toAnswer: 'Waiting for an answer',
  toAnswerCount: (n, more) => (more ? `More than ${n} mentions are waiting for an answer` : n === 1 ? '1 mention is waiting for an answer' : `${n} mentions are waiting for an answer`),
  nothingToAnswer: 'Nothing waits for an answer.',
  reasonDirect: 'names you',
  reasonNegative: 'negative',
  reasonQuestion: 'question',
  open: 'Open',
  inTheApi: 'Open in Relais',
  footer: (topic) => `You receive this weekly digest of “${topic}” from Relais.`,
  unsubscribe: (id) => `To stop it, delete subscription ${id} (DELETE /v1/digests/${id}).`,
  nothing: 'Nothing this week.',
}

const fr: DigestStrings = {
  weeklyDigest: 'Synthèse de la semaine',
  subject: (topic, mentions, change) => `${topic} : ${mentions} mentions cette semaine${change ? ` (${change})` : ''}`,
  weekOf: (range) => `Semaine du ${range}`,
  weekInNumbers: 'La semaine en chiffres',
  mentions: 'Mentions',
  authors: 'Auteurs',
  engagement: 'Engagement',
  negativeShare: 'Négatif',
  sentiment: 'Tonalité',
  vsPrevious: (value) => `${value} la semaine d’avant`,
  noPrevious: 'rien la semaine d’avant',
  perDay: 'Mentions par jour',
  perNetwork: 'Mentions par réseau',
  spikes: 'Pics de la semaine',
  spikeVolume: (network, when, volume) => `Pic de volume sur ${network}, ${when} : ${volume} mentions en une heure`,
  spikeNegative: (network, when, share, volume) => `Pic négatif sur ${network}, ${when} : ${share} de négatif sur ${volume} mentions`,
  topInfluencers: 'Principaux influenceurs',
  risers: 'En progression',
  relays: 'Relais',
  prospects: 'Prospects à contacter',
  noProspectsWithoutOwn: 'Indiquez les comptes de la marque sur le sujet pour trouver des prospects.',
  newEntrant: 'nouveau',
  rankedAt: (when) => `Classement du ${when}`,
  notScored: 'Le sujet n’a pas encore été classé.',
  risingHashtags: 'Hashtags en hausse',
  noRisingHashtags: 'Aucun hashtag n’a décollé cette semaine.',
  usual: (count) => `d’habitude ${count}`,
  whereToInvest: 'Où investir',
  recommend: (network) => `Priorité à ${network}`,
  fitReason: (authors, rate, influencers) => [`${authors} des auteurs`, rate && `${rate} interactions par mention`, influencers && `${influencers} des principaux influenceurs`].filter(Boolean).join(', '),
  growth: (change) => `${change} par rapport à la semaine d’avant`,
  toAnswer: 'En attente de réponse',
  toAnswerCount: (n, more) => (more ? `Plus de ${n} mentions attendent une réponse` : n <= 1 ? `${n} mention attend une réponse` : `${n} mentions attendent une réponse`),
  nothingToAnswer: 'Rien n’attend de réponse.',
  reasonDirect: 'vous mentionne',
  reasonNegative: 'négatif',
  reasonQuestion: 'question',
  open: 'Ouvrir',
  inTheApi: 'Ouvrir dans Relais',
  footer: (topic) => `Vous recevez cette synthèse hebdomadaire de « ${topic} » envoyée par Relais.`,
  unsubscribe: (id) => `Pour l’arrêter, supprimez l’abonnement ${id} (DELETE /v1/digests/${id}).`,
  nothing: 'Rien cette semaine.',
}

export const DIGEST_STRINGS: Record<DigestLanguage, DigestStrings> = { en, fr }
