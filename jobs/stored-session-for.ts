import type { Kysely } from 'kysely'
import { sourceSessionStore, type SessionCounters } from '../src/pipeline/collect/source-sessions.ts'
import type { DB } from '../src/platform/db/schema.ts'
import { isCollectableNetwork } from '../src/platform/shared/network-names.ts'
import type { SessionStore } from '../src/pipeline/networks/session-store.ts'
import type { SecretBox } from '../src/platform/secrets/secret-box.ts'

/** Where a run keeps its sources' sessions, and counts the logins it makes. */
export interface SessionPlace { db: Kysely<DB>; counters: SessionCounters }

/**
 * The database-backed session of a source. Without a secret key (a process that holds no
 * secrets) sessions cannot be sealed, so they are kept in memory for the run only.
 */
export function storedSessionFor(place: SessionPlace, box: SecretBox, source: { id: string; network: string }): SessionStore | undefined {
  if (box.keyId === 'none') return undefined
  const { network } = source
  return isCollectableNetwork(network) ? sourceSessionStore(place.db, box, { id: source.id, network }, place.counters) : undefined
}
