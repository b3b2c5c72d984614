import type { ReasonLanguage } from './dto.ts'

// The sentences a ranked item's reasons are made of, in each language the product speaks.
// Numbers come formatted; lists of counts are joined by the phrase book's own `and`.

export interface ReasonPhrases {
  count(n: number, one: string, many: string): string
  percent(share: number): string
  and: string
  post: [string, string]
  wrote(posts: string): string
  received(parts: string, from: string): string
  likesOnly(likes: string): string
  reply: [string, string]; repost: [string, string]; quote: [string, string]; like: [string, string]; account: [string, string]; community: [string, string]
  followedByActive(k: number, n: number): string
  inCommunity(name: string): string
  sameAs(handle: string, network: string, via: 'bridgy-fed' | 'rel-me'): string
  audience(attention: string): string
  audienceSilent: string
  passedOn(posts: string, from: string, to: string): string
  passRate(percent: string): string
  crossed(share: string): string
  follower: [string, string]
  beyond(followers: string, inGraph: string): string
  crossedBeyond(share: string): string
  passedNothing: string
  prospect(rank: number | null): string
  noTie: string
}

const en: ReasonPhrases = {
  count: (n, one, many) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`,
  percent: (share) => `${Math.round(share * 100)}%`,
  and: 'and',
  post: ['post', 'posts'],
  wrote: (posts) => `Wrote ${posts} on the topic in the window.`,
  received: (parts, from) => `Received ${parts} on them, from ${from}.`,
  likesOnly: (likes) => `Received ${likes} on them, and no reply, repost or quote.`,
  reply: ['reply', 'replies'], repost: ['repost', 'reposts'], quote: ['quote', 'quotes'], like: ['like', 'likes'], account: ['account', 'accounts'], community: ['community', 'communities'],
  followedByActive: (k, n) => `Followed by ${k} of the ${n} most active accounts on the topic.`,
  inCommunity: (name) => `Part of the community “${name}”.`,
  sameAs: (handle, network, via) => `Same person as ${handle} on ${network} (${via === 'rel-me' ? 'a link the Mastodon profile verified' : 'a Bridgy Fed bridge'}).`,
  audience: (attention) => `Posted nothing on the topic in the window: an audience the topic listens to (${attention} engaged with it about the topic), not an influencer.`,
  audienceSilent: 'Posted nothing on the topic in the window: an audience the topic listens to, not an influencer.',
  passedOn: (posts, from, to) => `Passed on ${posts} about the topic, from ${from}, to an audience in ${to}.`,
  passRate: (percent) => `${percent} of its activity on the topic is passing others' posts on (weighed against the topic's average).`,
  crossed: (share) => `${share} of what it passed on reached people outside the author's community.`,
  follower: ['follower', 'followers'],
  beyond: (followers, inGraph) => `Its audience counts ${followers} who have not written on the topic, beyond ${inGraph} in the topic's graph: what it passes on to them leaves the topic's circle.`,
  crossedBeyond: (share) => `${share} of what it passed on reached people outside the author's community, its followers beyond the topic included.`,
  passedNothing: 'Passed nothing on about the topic in the window: not a relay.',
  prospect: (rank) => (rank === null ? 'Active on the topic.' : `Active on the topic, #${rank} among its influencers.`),
  noTie: 'No follow or interaction with your accounts yet, either way.',
}

const fr: ReasonPhrases = {
  count: (n, one, many) => `${n.toLocaleString('fr-FR')} ${n <= 1 ? one : many}`,
  percent: (share) => `${Math.round(share * 100)}\u202f%`,
  and: 'et',
  post: ['publication', 'publications'],
  wrote: (posts) => `A écrit ${posts} sur le sujet pendant la période.`,
  received: (parts, from) => `A reçu ${parts}, de ${from}.`,
  likesOnly: (likes) => `A reçu ${likes}, et aucune réponse, aucun partage ni citation.`,
  reply: ['réponse', 'réponses'], repost: ['partage', 'partages'], quote: ['citation', 'citations'], like: ['j’aime', 'j’aime'], account: ['compte', 'comptes'], community: ['communauté', 'communautés'],
  followedByActive: (k, n) => `Suivi par ${k} des ${n} comptes les plus actifs sur le sujet.`,
  inCommunity: (name) => `Fait partie de la communauté « ${name} ».`,
  sameAs: (handle, network, via) => `Même personne que ${handle} sur ${network} (${via === 'rel-me' ? 'un lien vérifié par le profil Mastodon' : 'un pont Bridgy Fed'}).`,
  audience: (attention) => `N’a rien publié sur le sujet pendant la période : un public que le sujet écoute (${attention} l’ont cité, partagé ou lui ont répondu à ce sujet), pas un influenceur.`,
  audienceSilent: 'N’a rien publié sur le sujet pendant la période : un public que le sujet écoute, pas un influenceur.',
  passedOn: (posts, from, to) => `A relayé ${posts} sur le sujet, venant de ${from}, vers un public réparti sur ${to}.`,
  passRate: (percent) => `${percent} de son activité sur le sujet consiste à relayer les publications des autres (pondéré par la moyenne du sujet).`,
  crossed: (share) => `${share} de ce qu’il a relayé a atteint des personnes hors de la communauté de l’auteur.`,
  follower: ['abonné', 'abonnés'],
  beyond: (followers, inGraph) => `Son public compte ${followers} qui n’ont pas écrit sur le sujet, en plus de ${inGraph} dans le graphe du sujet : ce qu’il leur relaie sort du cercle du sujet.`,
  crossedBeyond: (share) => `${share} de ce qu’il a relayé a atteint des personnes hors de la communauté de l’auteur, ses abonnés hors du sujet compris.`,
  passedNothing: 'N’a rien relayé sur le sujet pendant la période : ce n’est pas un relais.',
  prospect: (rank) => (rank === null ? 'Actif sur le sujet.' : `Actif sur le sujet, n° ${rank} parmi ses influenceurs.`),
  noTie: 'Aucun abonnement ni échange avec vos comptes pour l’instant, dans un sens comme dans l’autre.',
}

export const REASON_PHRASES: Record<ReasonLanguage, ReasonPhrases> = { en, fr }
