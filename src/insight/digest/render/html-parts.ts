// Building blocks of the digest's HTML. Mail clients ignore <style> blocks and scripts and block
// remote images, so everything is tables with inline styles, and charts are table cells whose
// width is the value.
import type { AccountLine, Bar, Metric } from './view-model.ts'

export const COLORS = { text: '#1f2933', muted: '#616e7c', line: '#e4e7eb', bar: '#3b82f6', barTrack: '#eef2f7', good: '#047857', bad: '#b91c1c', accent: '#1d4ed8', alertBg: '#fef2f2', alertLine: '#fecaca', page: '#f5f7fa' }
export const FONT = 'font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif;'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c])

/** Only http(s) links are written; anything else (javascript:, data:) becomes plain text. */
export function link(url: string | null, text: string, style = `color:${COLORS.accent};text-decoration:none;`): string {
  if (!url || !/^https?:\/\//i.test(url)) return escapeHtml(text)
  return `<a href="${escapeHtml(url)}" style="${style}">${escapeHtml(text)}</a>`
}

export function heading(text: string, more?: { url: string; label: string }): string {
  const right = more ? `<td align="right" style="${FONT}font-size:12px;">${link(more.url, more.label)}</td>` : ''
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0 8px 0;"><tr>` +
    `<td style="${FONT}font-size:16px;font-weight:700;color:${COLORS.text};">${escapeHtml(text)}</td>${right}</tr></table>`
}

export function paragraph(text: string, muted = true): string {
  return `<p style="${FONT}margin:4px 0;font-size:14px;line-height:20px;color:${muted ? COLORS.muted : COLORS.text};">${escapeHtml(text)}</p>`
}

/** A horizontal bar: a two-cell table, the first cell as wide as the value. */
export function barCell(fraction: number, color: string = COLORS.bar): string {
  const percent = Math.max(0, Math.min(100, Math.round(fraction * 100)))
  const filled = percent > 0 ? `<td width="${percent}%" style="background:${color};height:10px;line-height:10px;font-size:1px;">&nbsp;</td>` : ''
  const rest = percent < 100 ? `<td style="background:${COLORS.barTrack};height:10px;line-height:10px;font-size:1px;">&nbsp;</td>` : ''
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-radius:3px;"><tr>${filled}${rest}</tr></table>`
}

export function barChart(bars: Bar[]): string {
  const rows = bars.map((b) =>
    `<tr><td width="88" style="${FONT}font-size:13px;color:${COLORS.muted};padding:3px 8px 3px 0;white-space:nowrap;">${escapeHtml(b.label)}</td>` +
    `<td style="padding:3px 0;">${barCell(b.fraction)}</td>` +
    `<td width="56" align="right" style="${FONT}font-size:13px;color:${COLORS.text};padding:3px 0 3px 8px;white-space:nowrap;">${escapeHtml(b.value)}</td></tr>`).join('')
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${rows}</table>`
}

/** Four figures in a 2 × 2 grid, each with its change against the week before. */
export function metricGrid(metrics: Metric[]): string {
  const cell = (m: Metric) => {
    const color = m.good === null ? COLORS.muted : m.good ? COLORS.good : COLORS.bad
    const arrow = m.trend === 'up' ? '▲' : m.trend === 'down' ? '▼' : ''
    const change = m.change ? `<span style="font-size:13px;font-weight:600;color:${color};">${arrow} ${escapeHtml(m.change)}</span>` : ''
    return `<td width="50%" valign="top" style="${FONT}padding:12px;border:1px solid ${COLORS.line};border-radius:6px;">` +
      `<div style="font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:${COLORS.muted};">${escapeHtml(m.label)}</div>` +
      `<div style="font-size:26px;line-height:32px;font-weight:700;color:${COLORS.text};">${escapeHtml(m.value)}</div>` +
      `<div>${change}</div><div style="font-size:12px;color:${COLORS.muted};">${escapeHtml(m.previous)}</div></td>`
  }
  const rows: string[] = []
  for (let i = 0; i < metrics.length; i += 2) {
    rows.push(`<tr>${cell(metrics[i])}<td width="8" style="font-size:1px;">&nbsp;</td>${metrics[i + 1] ? cell(metrics[i + 1]) : '<td></td>'}</tr>`)
    if (i + 2 < metrics.length) rows.push('<tr><td colspan="3" height="8" style="font-size:1px;line-height:8px;">&nbsp;</td></tr>')
  }
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${rows.join('')}</table>`
}

const MOVEMENT_COLORS: Record<AccountLine['movementKind'], string> = { new: COLORS.accent, up: COLORS.good, down: COLORS.bad, same: COLORS.muted, none: COLORS.muted }

/** Ranked accounts: rank, name (linked to the profile), network and handle, score bar, movement. */
export function accountList(accounts: AccountLine[]): string {
  const rows = accounts.map((a, i) =>
    `<tr><td width="22" valign="top" style="${FONT}font-size:13px;color:${COLORS.muted};padding:6px 0;">${i + 1}</td>` +
    `<td valign="top" style="${FONT}padding:6px 8px 6px 0;word-break:break-word;"><div style="font-size:14px;font-weight:600;color:${COLORS.text};">${link(a.url, a.name, `color:${COLORS.text};text-decoration:none;`)}</div>` +
    `<div style="font-size:12px;color:${COLORS.muted};">${escapeHtml(a.network)} · @${escapeHtml(a.handle.replace(/^@/, ''))}</div></td>` +
    `<td width="64" valign="middle" style="width:64px;min-width:64px;padding:6px 0;">${barCell(a.fraction)}</td>` +
    `<td width="34" align="right" valign="middle" style="${FONT}font-size:13px;color:${COLORS.text};padding:6px 0 6px 6px;">${escapeHtml(a.score)}</td>` +
    `<td width="58" align="right" valign="middle" style="${FONT}font-size:12px;font-weight:600;color:${MOVEMENT_COLORS[a.movementKind]};padding:6px 0 6px 6px;white-space:nowrap;">${escapeHtml(a.movement)}</td></tr>`).join('')
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${rows}</table>`
}
