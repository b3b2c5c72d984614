// Keeps a source's lease while its reader runs: renewed at a third of its length; `lost` aborts
// when another process holds it now, so the reader stops.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { renewLease, type Lease } from './stream-lease.ts'

export interface HeldLease {
  lost: AbortSignal
  release(): void
}

export function keepLease(db: Kysely<DB>, lease: Lease, leaseMs: number): HeldLease {
  const lost = new AbortController()
  const renewal = setInterval(() => {
    renewLease(db, lease, leaseMs).then((held) => { if (!held) lost.abort() }, () => {})
  }, Math.max(50, Math.floor(leaseMs / 3)))
  return { lost: lost.signal, release: () => clearInterval(renewal) }
}
