import type { Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { eraseAccount } from '../../pipeline/ingest/erase-account.ts'
import { findPerson, type PersonRef } from './find-person.ts'

// A workspace admin's erasure. Each workspace holds its own copy of what its sources and imports
// observed (provenance), so the workspace's copy of the person — profile, posts, follows,
// interactions, matches, scores, imports — goes outright; other workspaces' copies are theirs and
// stay, and nothing in the answer tells this tenant whether they exist.

export async function forgetInWorkspace(trx: Transaction<DB>, workspaceId: string, ref: PersonRef): Promise<void> {
  const person = await findPerson(trx, ref, workspaceId)
  if (person) await eraseAccount(trx, person.id)
}
