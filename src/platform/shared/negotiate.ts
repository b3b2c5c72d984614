/** A representation a route can send, and the media types that name it. */
export interface Offer<F extends string> {
  format: F
  mediaTypes: readonly string[]
}

interface MediaRange {
  type: string
  subtype: string
  q: number
}

/**
 * The representation an Accept header prefers among a route's offers (RFC 9110 §12.5.1). Each
 * media type takes the quality of the most specific range that matches it (`text/csv;q=0` refuses
 * CSV even when every type is otherwise accepted); the highest quality wins, then the offer named
 * most specifically, then the route's order. No header, or a blank one: the first offer. null
 * when nothing is acceptable. A range with a quality outside 0–1 or no `type/subtype` is ignored.
 */
export function negotiate<F extends string>(accept: string | undefined, offers: readonly Offer<F>[]): F | null {
  if (!accept?.trim()) return offers[0]?.format ?? null
  const ranges = parseAccept(accept)
  let best: { format: F; q: number; specificity: number } | null = null
  for (const offer of offers) {
    for (const mediaType of offer.mediaTypes) {
      const [type, subtype] = mediaType.split('/')
      const match = mostSpecificMatch(ranges, type, subtype)
      if (!match || match.q <= 0) continue
      if (!best || match.q > best.q || (match.q === best.q && match.specificity > best.specificity)) best = { format: offer.format, ...match }
    }
  }
  return best?.format ?? null
}

/** The ranges of a header, lower-cased. */
function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = []
  for (const part of accept.split(',')) {
    const [range, ...parameters] = part.trim().toLowerCase().split(';').map((s) => s.trim())
    const [type, subtype, extra] = range.split('/')
    if (!type || !subtype || extra !== undefined || (type === '*' && subtype !== '*')) continue
    const qParameter = parameters.find((p) => p.startsWith('q='))
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2))
    if (!(q >= 0 && q <= 1)) continue
    ranges.push({ type, subtype, q })
  }
  return ranges
}

/** The quality of the most specific range naming this media type: exact (2), `type/*` (1), any type (0). */
function mostSpecificMatch(ranges: readonly MediaRange[], type: string, subtype: string): { q: number; specificity: number } | null {
  let found: { q: number; specificity: number } | null = null
  for (const range of ranges) {
    const specificity = range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === '*' ? 1 : range.type === '*' ? 0 : -1
    if (specificity < 0 || (found && found.specificity >= specificity)) continue
    found = { q: range.q, specificity }
  }
  return found
}
