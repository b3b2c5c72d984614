import type { RefusedRecipient } from '../../../platform/db/tables/digests.ts'

/**
 * The subscription's refused addresses after a send: the latest refusal per address, and an
 * address the server accepted this time is no longer listed.
 */
export function mergeRefused(previous: RefusedRecipient[], refusedNow: RefusedRecipient[], acceptedNow: string[]): RefusedRecipient[] {
  const byAddress = new Map(previous.map((r) => [r.address.toLowerCase(), r]))
  for (const address of acceptedNow) byAddress.delete(address.toLowerCase())
  for (const r of refusedNow) byAddress.set(r.address.toLowerCase(), r)
  return [...byAddress.values()].sort((a, b) => a.address.localeCompare(b.address))
}
