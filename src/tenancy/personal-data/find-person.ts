import type { Db } from '../../platform/db/db-handle.ts'

/** A person as a network names them: the network and the account's id there (or its handle). */
export interface PersonRef { network: string; account: string }

export interface FoundPerson { id: number; workspaceId: string; network: string; externalId: string; handle: string }

/**
 * The stored accounts of a person, one per workspace that observed them (provenance): by its
 * network id (`alice@host` on Mastodon, a DID on Bluesky…), else by its handle, compared without
 * case and without a leading `@`. With `workspaceId`, only that workspace's copy.
 */
export async function findPersonCopies(db: Db, ref: PersonRef, workspaceId?: string): Promise<FoundPerson[]> {
  const base = () => {
    const q = db.selectFrom('accounts').select(['id', 'workspace_id', 'network', 'external_id', 'handle']).where('network', '=', ref.network)
    return workspaceId === undefined ? q : q.where('workspace_id', '=', workspaceId)
  }
  const handle = ref.account.replace(/^@/, '').toLowerCase()
  const [byId, byHandle] = await Promise.all([
    base().where('external_id', '=', ref.account).orderBy('id').execute(),
    base().where((eb) => eb(eb.fn('lower', ['handle']), '=', handle)).orderBy('id').execute(),
  ])
  // Per workspace: its account with that id, else its first with that handle.
  const found = new Map<string, (typeof byId)[number]>()
  for (const row of [...byId, ...byHandle]) if (!found.has(row.workspace_id)) found.set(row.workspace_id, row)
  return [...found.values()].map((r) => ({ id: r.id, workspaceId: r.workspace_id, network: r.network, externalId: r.external_id, handle: r.handle }))
}

/** The workspace's own account of the person, or null. */
export async function findPerson(db: Db, ref: PersonRef, workspaceId: string): Promise<FoundPerson | null> {
  return (await findPersonCopies(db, ref, workspaceId))[0] ?? null
}
