// Ids for seeds that look like what non-Mastodon servers issue (GoToSocial ULIDs, Akkoma flakes):
// opaque strings whose text order says nothing about their server order.
import { seededRandom } from '../fault-injection.ts'

export function opaqueIds(count: number, seed = 1): string[] {
  const random = seededRandom(seed)
  const ids = new Set<string>()
  while (ids.size < count) {
    let id = ''
    for (let i = 0; i < 10; i++) id += '0123456789abcdefghjkmnpqrstvwxyz'[Math.floor(random() * 32)]
    ids.add(id)
  }
  return [...ids]
}

/** Timestamps one minute apart, oldest first, for `count` statuses. */
export function minuteTimes(count: number, start = Date.UTC(2024, 7, 21, 8, 0, 0)): string[] {
  return Array.from({ length: count }, (_, i) => new Date(start + i * 60_000).toISOString())
}
