import Negotiator from 'negotiator'

/**
 * The formats a route offers, each with the media types that name it; the first is the default
 * (what a client with no Accept header, or a blank one, receives).
 */
export type Offers<F extends string> = readonly { format: F; mediaTypes: readonly string[] }[]

/**
 * The offer an Accept header prefers (RFC 9110 §12.5.1, by the `negotiator` library): highest
 * quality, then the most specific range, then the route's order; `q=0` refuses a type even when a
 * wildcard accepts everything else. null when nothing offered is acceptable.
 */
export function negotiate<F extends string>(accept: string | undefined, offers: Offers<F>): F | null {
  if (!accept?.trim()) return offers[0]?.format ?? null
  const mediaTypes = offers.flatMap((offer) => offer.mediaTypes)
  const chosen = new Negotiator({ headers: { accept } }).mediaType(mediaTypes)
  return chosen === undefined ? null : (offers.find((offer) => offer.mediaTypes.includes(chosen))?.format ?? null)
}

/** The media type a format is sent as: its first name. */
export function mediaTypeOf<F extends string>(offers: Offers<F>, format: F): string {
  const offer = offers.find((o) => o.format === format)
  if (!offer) throw new Error(`No offer for format ${format}`)
  return offer.mediaTypes[0]
}

/** "application/json or text/csv": the names a 406 tells the client it may ask for. */
export function offeredList(offers: Offers<string>): string {
  const names = offers.map((offer) => offer.mediaTypes[0])
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
}
