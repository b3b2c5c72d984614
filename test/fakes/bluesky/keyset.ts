// Opaque keyset cursors, newest first, as the AppView pages: a cursor names the last item sent,
// so items added at the top while a client pages never shift what comes next.

export interface SortKey {
  ms: number
  id: string
}

export class MalformedCursorError extends Error {}

const encode = (key: SortKey): string => Buffer.from(`${key.ms}::${key.id}`).toString('base64url')

function decode(cursor: string): SortKey {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const separator = text.indexOf('::')
  const ms = Number(text.slice(0, separator))
  if (separator === -1 || !Number.isFinite(ms)) throw new MalformedCursorError('Malformed cursor')
  return { ms, id: text.slice(separator + 2) }
}

const newerFirst = (a: SortKey, b: SortKey): number => b.ms - a.ms || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

/**
 * One page of `items` after `cursor`. The cursor is present whenever the page was full (so a
 * list ending exactly on a page boundary ends with an empty page) and absent at the end.
 */
export function keysetPage<T>(items: T[], keyOf: (item: T) => SortKey, cursor: string | null, limit: number): { page: T[]; cursor?: string } {
  const after = cursor === null || cursor === '' ? null : decode(cursor)
  const sorted = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => newerFirst(a.key, b.key))
  const remaining = after === null ? sorted : sorted.filter(({ key }) => newerFirst(after, key) < 0)
  const page = remaining.slice(0, limit)
  const last = page.at(-1)
  return { page: page.map(({ item }) => item), ...(page.length === limit && last ? { cursor: encode(last.key) } : {}) }
}
