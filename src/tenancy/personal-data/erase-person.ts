import type { Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { eraseAccount, type ErasureReport } from '../../pipeline/ingest/erase-account.ts'
import { findPersonCopies, type PersonRef } from './find-person.ts'

// The operator's erasure: a person's profile, posts, follows and interactions leave every table,
// in every workspace's copy (each workspace holds its own observations of the person). Other
// people's posts that mention the person stay: they are those people's words (their text still
// holds the handle they typed).

const NOTHING: ErasureReport = { found: false, accounts: 0, posts: 0, follows: 0, interactions: 0, topicMatches: 0, scores: 0, imports: 0 }

/** Erases everything held about the person in every workspace, in the caller's transaction. */
export async function erasePerson(trx: Transaction<DB>, ref: PersonRef): Promise<ErasureReport> {
  const copies = await findPersonCopies(trx, ref)
  let total = NOTHING
  for (const copy of copies) {
    const one = await eraseAccount(trx, copy.id)
    total = { found: true, accounts: total.accounts + one.accounts, posts: total.posts + one.posts, follows: total.follows + one.follows, interactions: total.interactions + one.interactions,
      topicMatches: total.topicMatches + one.topicMatches, scores: total.scores + one.scores, imports: total.imports + one.imports }
  }
  return total
}
