import { createHash } from 'node:crypto'

/** A strong validator for a response fully determined by `key` (its inputs and data version). */
export function etagOf(key: string): string {
  return `"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`
}

/** RFC 9110 If-None-Match: a list of tags (weak ones compare equal to strong), or `*`. */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false
  const listed = (Array.isArray(header) ? header.join(',') : header).split(',').map((tag) => tag.trim())
  return listed.some((tag) => tag === '*' || tag.replace(/^W\//, '') === etag)
}
