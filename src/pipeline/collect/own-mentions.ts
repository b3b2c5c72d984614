import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { OwnAccounts } from '../../platform/db/tables/topics.ts'
import { jsonTuples } from '../../platform/db/json-rows.ts'
import { storeBatch } from '../ingest/ingest-batch.ts'
import { prepareBatch } from '../ingest/prepare-batch.ts'
import type { TopicMatcher } from '../ingest/topic-matchers.ts'
import type { Connector, SearchPage } from '../networks/connector.ts'
import { loadCheckpoint, saveCheckpoint } from './checkpoints.ts'
import { rememberReadIds } from './remember-read-ids.ts'

/**
 * The brand's own mentions: posts naming or answering one of a topic's own accounts, collected
 * whether or not they match the topic's query, so the inbox sees every one of them.
 *
 * Per network (the connector's `ownMentionsPage`):
 * - Bluesky: `searchPosts` with `mentions=` (mention facets; replies that do not name the account
 *   are not found);
 * - X: recent search `@handle OR to:handle` (names it or replies to it), the last 7 days;
 * - Mastodon: the account's mention notifications, when the source's token is that account's
 *   (search cannot find posts by a mention); otherwise a note says they are not collected;
 * - Reddit: not collected — a username mention is only in the account's own inbox
 *   (`/message/mentions`, with that account's user token), which a source does not carry.
 *
 * Each (topic, own account) keeps its own checkpoint (kind `own-mentions:<account>`) and walks
 * with the same overlap as the network's search walk. A post that matches the topic's query is
 * attached as usual; one that does not is attached with `via = 'own-account'` and the account in
 * its matched terms. The account's own posts are never attached this way.
 */
export interface OwnMentionCollection {
  topic: { id: string; workspaceId: string }
  sourceId: string
  connector: Connector
  matchers: readonly TopicMatcher[]
  maxPages: number
  signal: AbortSignal
}

export interface OwnMentionResult { requests: number; posts: number; ownMentions: number; notes: string[] }

/** Own accounts per topic and network at most: each costs one walk per run. */
export const MAX_OWN_ACCOUNTS_PER_NETWORK = 10

/** Where a network offers this source no read of an account's mentions, what the run says. */
const NOT_COLLECTED: Record<string, string> = {
  reddit: 'mentions of the topic\'s own Reddit accounts are not collected: Reddit keeps username mentions in the account\'s own inbox (/message/mentions), readable only with that account\'s user token, and a Reddit source carries an app-only token',
}

export function ownMentionsKind(account: string): string {
  return `own-mentions:${normalOwnAccount(account)}`
}

export function normalOwnAccount(account: string): string {
  return account.trim().replace(/^@/, '').toLowerCase()
}

export function ownAccountsOn(own: OwnAccounts, network: string): string[] {
  return [...new Set((own[network] ?? []).map(normalOwnAccount).filter((a) => a.length > 0))].slice(0, MAX_OWN_ACCOUNTS_PER_NETWORK)
}

export async function collectOwnMentions(db: Kysely<DB>, job: OwnMentionCollection): Promise<OwnMentionResult> {
  const result: OwnMentionResult = { requests: 0, posts: 0, ownMentions: 0, notes: [] }
  const { id: topicId, workspaceId } = job.topic
  const topic = await db.selectFrom('topics').select('own_accounts').where('id', '=', topicId).where('workspace_id', '=', workspaceId).executeTakeFirst()
  const accounts = ownAccountsOn(topic?.own_accounts ?? {}, job.connector.network)
  const read = job.connector.ownMentionsPage?.bind(job.connector)
  if (!read) {
    if (accounts.length) result.notes.push(NOT_COLLECTED[job.connector.network] ?? 'mentions of the topic\'s own accounts are not collected on this network')
    return result
  }
  for (const account of accounts) {
    const kind = ownMentionsKind(account)
    let checkpoint = await loadCheckpoint(db, topicId, job.sourceId, kind)
    for (let page = 0; page < job.maxPages && !job.signal.aborted; page++) {
      const found = await read(account, checkpoint, job.signal)
      if (found.elsewhere) break
      if (found.unavailable) {
        result.notes.push(found.unavailable)
        break
      }
      result.requests++
      const prepared = await prepareBatch(workspaceId, found, job.matchers)
      const mentioning = postsByOthers(found, account)
      const stats = await db.transaction().execute(async (trx) => {
        const ingested = await storeBatch(trx, prepared)
        await rememberReadIds(trx, workspaceId, job.sourceId, found.posts)
        let attached = 0
        if (mentioning.length) {
          const rows = mentioning.map((externalId) => [externalId])
          const inserted = await sql<{ n: number }>`
            with attached as (
              insert into topic_posts (topic_id, post_id, post_created_at, matched_terms, via)
              select ${topicId}::uuid, p.id, p.created_at, array[${'@' + account}]::text[], 'own-account'
              from ${jsonTuples(rows, 'external_id text')} join posts p
                on p.workspace_id = ${workspaceId} and p.network = ${job.connector.network} and p.external_id = r.external_id
              on conflict (topic_id, post_id) do nothing
              returning 1)
            select count(*)::int as n from attached`.execute(trx)
          attached = inserted.rows[0].n
        }
        await saveCheckpoint(trx, topicId, job.sourceId, kind, found.checkpoint)
        return { posts: ingested.posts, attached }
      })
      checkpoint = found.checkpoint
      result.posts += stats.posts
      result.ownMentions += stats.attached
      if (found.done) break
    }
  }
  return result
}

/** External ids of the page's posts not written by the account itself. */
function postsByOthers(page: SearchPage, account: string): string[] {
  const handles = new Map(page.accounts.map((a) => [a.externalId, normalOwnAccount(a.handle)]))
  return page.posts
    .filter((post) => post.authorExternalId !== null && handles.get(post.authorExternalId) !== account && normalOwnAccount(post.authorExternalId) !== account)
    .map((post) => post.externalId)
}
