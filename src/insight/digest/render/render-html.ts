import type { DigestView } from './view-model.ts'
import { accountList, barChart, COLORS, escapeHtml, FONT, heading, link, metricGrid, paragraph } from './html-parts.ts'

/**
 * The digest as an HTML email: one 600-pixel column that narrows on a phone, no script, no
 * image, no stylesheet — what common mail clients render the same way.
 */
export function renderDigestHtml(v: DigestView, lang: string): string {
  const { t, links } = v
  const sections: string[] = []

  sections.push(heading(t.weekInNumbers, { url: links.stats, label: t.inTheApi }), metricGrid(v.metrics))
  sections.push(heading(t.perDay), barChart(v.daily))
  if (v.networks.length > 1) sections.push(heading(t.perNetwork), barChart(v.networks))

  if (v.spikes.length) {
    const items = v.spikes.map((s) => `<div style="${FONT}font-size:14px;line-height:20px;color:${COLORS.bad};">⚠ ${escapeHtml(s)}</div>`).join('')
    sections.push(heading(t.spikes, { url: links.alerts, label: t.inTheApi }),
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="padding:10px 12px;background:${COLORS.alertBg};border:1px solid ${COLORS.alertLine};border-radius:6px;">${items}</td></tr></table>`)
  }

  sections.push(heading(t.topInfluencers, { url: links.influencers, label: t.inTheApi }))
  if (v.influencers.length) {
    sections.push(accountList(v.influencers))
    if (v.rankedAt) sections.push(paragraph(v.rankedAt))
  } else sections.push(paragraph(t.notScored))
  if (v.risers.length) sections.push(heading(t.risers), accountList(v.risers))
  if (v.relays.length) sections.push(heading(t.relays, { url: links.relays, label: t.inTheApi }), accountList(v.relays))
  if (v.prospects.length) sections.push(heading(t.prospects, { url: links.prospects, label: t.inTheApi }), accountList(v.prospects))
  else if (v.prospectsNote) sections.push(heading(t.prospects), paragraph(v.prospectsNote))

  sections.push(heading(t.risingHashtags, { url: links.trends, label: t.inTheApi }))
  if (v.hashtags.length === 0) sections.push(paragraph(t.noRisingHashtags))
  for (const h of v.hashtags) {
    const tags = h.tags.map((tag) => `<span style="display:inline-block;margin:2px 6px 2px 0;padding:2px 8px;border-radius:10px;background:${COLORS.barTrack};color:${COLORS.text};font-size:13px;">${escapeHtml(tag.tag)} <span style="color:${COLORS.muted};">${escapeHtml(tag.count)} · ${escapeHtml(tag.usual)}</span></span>`).join('')
    sections.push(`<div style="${FONT}margin:4px 0;"><span style="font-size:12px;color:${COLORS.muted};display:inline-block;width:80px;">${escapeHtml(h.network)}</span>${tags}</div>`)
  }

  if (v.fit) {
    sections.push(heading(t.whereToInvest, { url: links.networkFit, label: t.inTheApi }),
      `<p style="${FONT}margin:4px 0;font-size:15px;font-weight:700;color:${COLORS.text};">${escapeHtml(v.fit.headline)}</p>`,
      paragraph(v.fit.reason), ...(v.fit.growth ? [paragraph(v.fit.growth)] : []), v.fit.bars.length > 1 ? barChart(v.fit.bars) : '')
  }

  sections.push(heading(t.toAnswer, { url: links.inbox, label: t.inTheApi }), paragraph(v.inbox.summary, false))
  for (const item of v.inbox.items) {
    sections.push(`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:6px 0;"><tr><td style="${FONT}padding:8px 10px;border-left:3px solid ${COLORS.bar};background:${COLORS.page};">` +
      `<div style="font-size:12px;color:${COLORS.muted};">${escapeHtml(item.who)} · ${escapeHtml(item.network)} · ${escapeHtml(item.when)} · ${escapeHtml(item.reason)}</div>` +
      `<div style="font-size:14px;line-height:20px;color:${COLORS.text};">${escapeHtml(item.text)}</div>` +
      `<div style="font-size:13px;">${link(item.url, `${t.open} →`)}</div></td></tr></table>`)
  }

  const footer = `<p style="${FONT}margin:24px 0 0 0;font-size:12px;line-height:18px;color:${COLORS.muted};">${escapeHtml(t.footer(v.title))}<br>` +
    `${escapeHtml(t.unsubscribe(links.subscription.split('/').pop() ?? ''))} ${link(links.subscription, t.inTheApi)}</p>`

  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(v.subject)}</title>
</head>
<body style="margin:0;padding:0;background:${COLORS.page};">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(v.subject)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${COLORS.page};"><tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:8px;"><tr><td style="padding:20px 20px 28px 20px;">
<div style="${FONT}font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:${COLORS.muted};">Relais · ${escapeHtml(t.weeklyDigest)}</div>
<h1 style="${FONT}margin:4px 0 2px 0;font-size:22px;line-height:28px;color:${COLORS.text};">${escapeHtml(v.title)}</h1>
<div style="${FONT}font-size:13px;color:${COLORS.muted};">${escapeHtml(v.range)}</div>
${sections.join('\n')}
${footer}
</td></tr></table>
</td></tr></table>
</body>
</html>
`
}
