// Status content as Mastodon serves it: sanitised HTML with <p>/<br>, hashtag and mention links
// (h-card spans) and links split into invisible/visible spans.
import type { Segment } from '../../render-post.ts'
import type { SandboxData } from '../../types.ts'

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

function textHtml(text: string): string {
  return escapeHtml(text).replace(/\n\n+/g, '</p><p>').replace(/\n/g, '<br />')
}

function linkHtml(url: string): string {
  const rest = url.replace(/^https?:\/\//, '')
  const scheme = url.slice(0, url.length - rest.length)
  const shown = rest.length > 30 ? rest.slice(0, 30) : rest
  const hidden = rest.slice(shown.length)
  const ellipsis = hidden ? 'ellipsis' : ''
  return `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${escapeHtml(scheme)}</span><span class="${ellipsis}">${escapeHtml(shown)}</span><span class="invisible">${escapeHtml(hidden)}</span></a>`
}

/** HTML of a post's segments; hashtags link to the author's home instance, as federated content does. */
export function segmentsToHtml(data: SandboxData, segments: Segment[], authorDomain: string, quoteUrl: string | null): string {
  let html = ''
  for (const segment of segments) {
    if (segment.type === 'text') html += textHtml(segment.text)
    else if (segment.type === 'link') html += linkHtml(segment.url)
    else if (segment.type === 'tag') {
      const href = `https://${authorDomain}/tags/${encodeURIComponent(segment.tag.toLowerCase())}`
      html += `<a href="${href}" class="mention hashtag" rel="tag">#<span>${escapeHtml(segment.tag)}</span></a>`
    } else {
      const target = data.accounts[segment.account]
      const href = `https://${target.instance}/@${target.username}`
      html += `<span class="h-card" translate="no"><a href="${href}" class="u-url mention">@<span>${escapeHtml(target.username)}</span></a></span>`
    }
  }
  // Quote posts (4.4+) carry a fallback line for clients that do not render quotes.
  const fallback = quoteUrl ? `<p class="quote-inline">RE: <a href="${escapeHtml(quoteUrl)}">${escapeHtml(quoteUrl)}</a></p>` : ''
  return `${fallback}<p>${html}</p>`
}
