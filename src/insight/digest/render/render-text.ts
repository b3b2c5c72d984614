import type { Bar, AccountLine } from './view-model.ts'
import type { DigestView } from './view-model.ts'

const WIDTH = 20

/** A bar of block characters for the plain-text part, e.g. "██████▌". */
function textBar(fraction: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH * 2)
  return '█'.repeat(Math.floor(eighths / 2)) + (eighths % 2 ? '▌' : '')
}

const bars = (list: Bar[]) => {
  const width = Math.max(...list.map((b) => b.label.length))
  return list.map((b) => `  ${b.label.padEnd(width)}  ${textBar(b.fraction).padEnd(WIDTH)}  ${b.value}`)
}

const accounts = (list: AccountLine[]) =>
  list.map((a, i) => {
    const handle = `@${a.handle.replace(/^@/, '')}`
    const who = a.name === a.handle ? `${handle} (${a.network})` : `${a.name} (${handle}, ${a.network})`
    return `  ${i + 1}. ${who} ${a.score}${a.movement ? ` ${a.movement}` : ''}${a.url ? `\n     ${a.url}` : ''}`
  })

/** The plain-text part: the same sections as the HTML, readable in any client. */
export function renderDigestText(v: DigestView): string {
  const { t, links } = v
  const out: string[] = [`Relais · ${t.weeklyDigest}`, v.title, v.range, '']
  const section = (title: string, url?: string) => out.push('', title.toUpperCase(), ...(url ? [`  ${url}`] : []))

  section(t.weekInNumbers, links.stats)
  for (const m of v.metrics) out.push(`  ${m.label}: ${m.value}${m.change ? ` (${m.change})` : ''} — ${m.previous}`)
  section(t.perDay)
  out.push(...bars(v.daily))
  if (v.networks.length > 1) {
    section(t.perNetwork)
    out.push(...bars(v.networks))
  }
  if (v.spikes.length) {
    section(t.spikes, links.alerts)
    out.push(...v.spikes.map((s) => `  ! ${s}`))
  }
  section(t.topInfluencers, links.influencers)
  out.push(...(v.influencers.length ? accounts(v.influencers) : [`  ${t.notScored}`]))
  if (v.rankedAt) out.push(`  ${v.rankedAt}`)
  if (v.risers.length) {
    section(t.risers)
    out.push(...accounts(v.risers))
  }
  if (v.relays.length) {
    section(t.relays, links.relays)
    out.push(...accounts(v.relays))
  }
  if (v.prospects.length || v.prospectsNote) {
    section(t.prospects, links.prospects)
    out.push(...(v.prospects.length ? accounts(v.prospects) : [`  ${v.prospectsNote}`]))
  }
  section(t.risingHashtags, links.trends)
  if (v.hashtags.length === 0) out.push(`  ${t.noRisingHashtags}`)
  for (const h of v.hashtags) out.push(`  ${h.network}: ${h.tags.map((tag) => `${tag.tag} ${tag.count} (${tag.usual})`).join(', ')}`)
  if (v.fit) {
    section(t.whereToInvest, links.networkFit)
    out.push(`  ${v.fit.headline}`, `  ${v.fit.reason}`, ...(v.fit.growth ? [`  ${v.fit.growth}`] : []))
  }
  section(t.toAnswer, links.inbox)
  out.push(`  ${v.inbox.summary}`)
  for (const item of v.inbox.items) out.push(`  - ${item.who} (${item.network}, ${item.when}, ${item.reason}): ${item.text}${item.url ? `\n    ${item.url}` : ''}`)
  out.push('', '--', t.footer(v.title), t.unsubscribe(links.subscription.split('/').pop() ?? ''), links.subscription, '')
  return out.join('\n')
}
