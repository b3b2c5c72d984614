import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { upsertAccounts } from '../ingest/upsert-accounts.ts'
import { upsertFollows } from '../ingest/upsert-follows.ts'
import type { Connector, FollowPage } from '../networks/connector.ts'
import { ConnectorError } from '../networks/errors.ts'
import type { GraphCandidate } from './graph-candidates.ts'
import { loadCheckpoint, saveCheckpoint } from './checkpoints.ts'
import { dropFollowsNotSeen, listReadStart } from './replace-follow-list.ts'

export interface FollowListBudget {
  /** Requests left for this run; decremented as pages are fetched. */
  requests: number
  /** Pages per list per account: very large audiences are sampled from their newest followers. */
  maxPagesPerList: number
}

const LISTS = ['followers', 'following'] as const

/**
 * Walks an account's followers and following pages, each page committed with its cursor, and
 * marks the account as collected once both lists are walked (or cut at the page limit).
 * Returns false when the budget ran out before the account was finished (it resumes next run).
 */
export async function collectFollowLists(db: Kysely<DB>, topic: { id: string; workspaceId: string }, sourceKey: string, connector: Connector, account: GraphCandidate, budget: FollowListBudget, signal: AbortSignal): Promise<{ finished: boolean; follows: number; unfollows: number }> {
  let follows = 0
  const { id: topicId, workspaceId } = topic
  let unfollows = 0
  for (const list of LISTS) {
    const kind = `${list}:${account.accountId}`
    const saved = await loadCheckpoint(db, topicId, sourceKey, kind)
    if (saved?.done === true) continue
    let cursor = typeof saved?.cursor === 'string' ? saved.cursor : null
    let pages = typeof saved?.pages === 'number' ? saved.pages : 0
    let readStart = typeof saved?.readStart === 'string' ? saved.readStart : null
    let done = false
    while (!done) {
      if (budget.requests <= 0 || signal.aborted) return { finished: false, follows, unfollows }
      budget.requests--
      const page = await fetchList(connector, list, account.externalId, cursor, signal)
      pages++
      // No page: the account is gone (deleted, unknown to the instance); its lists count as walked.
      cursor = page?.cursor ?? null
      done = page === null || cursor === null || pages >= budget.maxPagesPerList
      await db.transaction().execute(async (trx) => {
        readStart ??= await listReadStart(trx)
        if (page) {
          await upsertAccounts(trx, workspaceId, page.accounts)
          follows += await upsertFollows(trx, workspaceId, page.follows)
          if (page.cursor === null) unfollows += await dropFollowsNotSeen(trx, account.accountId, list, readStart)
        }
        await saveCheckpoint(trx, topicId, sourceKey, kind, { cursor, pages, done, readStart })
      })
    }
  }
  // Both lists walked: the account is fresh; its list checkpoints start over next time.
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ graph_collected_at: new Date() }).where('id', '=', account.accountId).execute()
    await trx.deleteFrom('collection_checkpoints').where('topic_id', '=', topicId).where('source_key', '=', sourceKey)
      .where('kind', 'in', LISTS.map((l) => `${l}:${account.accountId}`)).execute()
  })
  return { finished: true, follows, unfollows }
}

async function fetchList(connector: Connector, list: (typeof LISTS)[number], externalId: string, cursor: string | null, signal: AbortSignal): Promise<FollowPage | null> {
  try {
    return list === 'followers' ? await connector.followersPage(externalId, cursor, signal) : await connector.followingPage(externalId, cursor, signal)
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === 'not_found') return null
    throw error
  }
}
