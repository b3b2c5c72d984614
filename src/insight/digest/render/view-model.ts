import type { DigestLanguage } from '../../../platform/db/tables/digests.ts'
import type { DigestContent, RankedAccount, WeekFigures } from '../content/types.ts'
import { safeLink } from '../../../platform/shared/safe-link.ts'
import { formatter } from './format.ts'
import { DIGEST_STRINGS, type DigestStrings } from './strings.ts'

/** Where the digest links to: the web app's page behind each section. */
export interface DigestLinks { topic: string; stats: string; influencers: string; relays: string; prospects: string; alerts: string; trends: string; networkFit: string; inbox: string; subscription: string }

export interface DigestRenderOptions {
  language: DigestLanguage
  timeZone: string
  subscriptionId: string
  /** Base URL of the API (PUBLIC_URL), without a trailing slash. */
  baseUrl: string
  /**
   * The secret of a read-only link to the topic: each link then opens its page for a recipient
   * without an account (in the fragment, never sent to a server). Omitted: plain app links.
   */
  openToken?: string
}

export interface Metric { label: string; value: string; change: string; trend: 'up' | 'down' | 'flat'; good: boolean | null; previous: string }
export interface Bar { label: string; value: string; fraction: number }
export interface AccountLine { name: string; handle: string; network: string; url: string | null; score: string; fraction: number; movement: string; movementKind: 'new' | 'up' | 'down' | 'same' | 'none' }

/** The digest with every figure formatted and every word translated: what both renderers draw. */
export function digestView(content: DigestContent, options: DigestRenderOptions) {
  const t: DigestStrings = DIGEST_STRINGS[options.language]
  const f = formatter(options.language, options.timeZone)
  const base = options.baseUrl.replace(/\/+$/, '')
  const topicPage = `/topics/${content.topic.id}`
  const page = (path: string) => (options.openToken ? `${base}/open?to=${encodeURIComponent(path)}#${options.openToken}` : `${base}${path}`)
  const links: DigestLinks = {
    topic: page(topicPage),
    stats: page(topicPage),
    trends: page(topicPage),
    networkFit: page(topicPage),
    inbox: page(`${topicPage}/inbox`),
    influencers: page(`${topicPage}/people`),
    relays: page(`${topicPage}/people`),
    prospects: page(`${topicPage}/people`),
    alerts: page(topicPage),
    subscription: `${base}/v1/digests/${options.subscriptionId}`,
  }
  const { current, previous } = content.totals
  const metric = (label: string, pick: (w: WeekFigures) => number | null, show: (n: number) => string, higherIsBetter: boolean | null, asPoints = false): Metric => {
    const now = pick(current)
    const before = pick(previous)
    const change = now === null || before === null ? '' : asPoints ? f.points(now, before) : f.change(now, before)
    const trend = now === null || before === null || now === before ? 'flat' : now > before ? 'up' : 'down'
    return {
      label, value: now === null ? '–' : show(now), change, trend,
      good: trend === 'flat' || higherIsBetter === null ? null : (trend === 'up') === higherIsBetter,
      previous: before === null || (previous.mentions === 0 && !asPoints) ? t.noPrevious : t.vsPrevious(show(before)),
    }
  }
  const maxDaily = Math.max(1, ...content.daily.map((d) => d.mentions))
  const maxNetwork = Math.max(1, ...content.networks.map((n) => n.current.mentions))
  const account = (a: RankedAccount): AccountLine => {
    const compared = content.comparedWith !== null
    const kind = !compared ? 'none' : a.previousRank === null ? 'new' : a.previousRank > a.rank ? 'up' : a.previousRank < a.rank ? 'down' : 'same'
    const movement = kind === 'new' ? t.newEntrant : kind === 'up' ? `▲ ${a.previousRank! - a.rank}` : kind === 'down' ? `▼ ${a.rank - a.previousRank!}` : kind === 'same' ? '=' : ''
    return { name: a.displayName || a.handle, handle: a.handle, network: a.network, url: safeLink(a.url), score: f.integer(a.score), fraction: Math.max(0, Math.min(1, a.score / 100)), movement, movementKind: kind }
  }
  const best = content.fit[0]
  return {
    t, f, links,
    title: content.topic.name,
    subject: t.subject(content.topic.name, f.integer(current.mentions), f.change(current.mentions, previous.mentions)),
    range: t.weekOf(f.range(content.window.start, content.window.end)),
    metrics: [
      metric(t.mentions, (w) => w.mentions, f.integer, null),
      metric(t.authors, (w) => w.authors, f.integer, true),
      metric(t.engagement, (w) => w.engagement, f.integer, true),
      metric(t.negativeShare, (w) => w.negativeShare, f.percent, false, true),
    ],
    daily: content.daily.map((d): Bar => ({ label: f.day(d.day), value: f.integer(d.mentions), fraction: d.mentions / maxDaily })),
    networks: content.networks.map((n): Bar => ({ label: n.network, value: f.integer(n.current.mentions), fraction: n.current.mentions / maxNetwork })),
    spikes: content.spikes.map((s) =>
      s.kind === 'volume' ? t.spikeVolume(s.network, f.hour(s.hourStart), f.integer(s.volume)) : t.spikeNegative(s.network, f.hour(s.hourStart), f.percent(s.negativeShare), f.integer(s.volume))),
    rankedAt: content.scoredAt ? t.rankedAt(f.date(content.scoredAt)) : null,
    influencers: content.influencers.map(account),
    risers: content.risers.map(account),
    relays: content.relays.map(account),
    prospects: content.prospects.map(account),
    prospectsNote: content.prospects.length === 0 && !content.hasOwnAccounts ? t.noProspectsWithoutOwn : null,
    hashtags: content.hashtags.map((h) => ({ network: h.network, tags: h.rising.map((r) => ({ tag: `#${r.tag}`, count: f.integer(r.count), usual: t.usual(Number.isInteger(r.usual) ? f.integer(r.usual) : f.decimal(r.usual)) })) })),
    fit: best ? {
      headline: t.recommend(best.network),
      reason: t.fitReason(f.percent(best.authorShare), best.engagementPerPost === null ? null : f.decimal(best.engagementPerPost), best.influencerDensity === null ? null : f.percent(best.influencerDensity)),
      growth: best.growthPct === null ? null : t.growth(f.change(1 + best.growthPct / 100, 1)),
      // Each network's fit score (0–100).
      bars: content.fit.map((n): Bar => ({ label: n.network, value: f.integer(n.fitScore), fraction: n.fitScore / 100 })),
    } : null,
    inbox: {
      summary: content.inbox.total ? t.toAnswerCount(content.inbox.total, content.inbox.more) : t.nothingToAnswer,
      items: content.inbox.items.map((i) => ({
        who: i.authorHandle ? `@${i.authorHandle.replace(/^@/, '')}` : '?', network: i.network, text: i.text, url: safeLink(i.url),
        when: f.hour(i.createdAt), reason: i.reasons.map((r) => (r === 'directMention' ? t.reasonDirect : r === 'negative' ? t.reasonNegative : t.reasonQuestion)).join(', '),
      })),
    },
  }
}

export type DigestView = ReturnType<typeof digestView>
