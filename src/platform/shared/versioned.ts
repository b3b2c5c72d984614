// What a service hands the HTTP layer when a response may be cached or streamed: the data and the
// version it was read at. The HTTP layer alone turns them into headers, 304s and bodies.

/**
 * A result tied to the version of the data it comes from. `etag` names that version (null when
 * there is none yet, e.g. a topic never scored: nothing to revalidate); `result()` computes the
 * body, or takes it from a cache, only when the client does not already hold it.
 */
export interface Versioned<T> {
  etag: string | null
  result(): Promise<T>
}

const RENDERED = Symbol('rendered')

/**
 * A body the service already encoded, sent as it is (past the route's response schema): JSON text
 * it encoded once and caches, or chunks of text written as they are produced.
 */
export interface Rendered {
  readonly [RENDERED]: true
  readonly body: string | Uint8Array | AsyncIterable<string> | Iterable<string>
  /** Offered to save the download under (Content-Disposition); none for JSON shown inline. */
  readonly filename?: string
}

export const encodedJson = (json: string | Uint8Array): Rendered => ({ [RENDERED]: true, body: json })

export const streamed = (chunks: AsyncIterable<string> | Iterable<string>, filename?: string): Rendered =>
  ({ [RENDERED]: true, body: chunks, ...(filename !== undefined && { filename }) })

export const isRendered = (value: unknown): value is Rendered =>
  typeof value === 'object' && value !== null && RENDERED in value
