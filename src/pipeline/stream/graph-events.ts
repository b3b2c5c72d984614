// What a Jetstream batch says about the graph: follows created and removed, accounts gone. A
// follow is applied when its author or its subject is an account the workspace tracks — one that
// wrote a post it stored, or whose follow lists it collected — so the graph grows around the
// accounts of its topics, not with the whole network (the other end is stored as a placeholder,
// which is not tracked in turn). A follow's delete names only its record (author DID and key):
// it removes the edge the stream created under that key. An account deleted, deactivated or taken
// down leaves the workspace by the operator's erasure path.
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { jsonRows } from '../../platform/db/json-rows.ts'
import { accountKey, stubAccount, upsertAccounts } from '../ingest/upsert-accounts.ts'
import { eraseAccount } from '../ingest/erase-account.ts'
import type { JetstreamEvent } from './jetstream-event.ts'

export const FOLLOW_COLLECTION = 'app.bsky.graph.follow'

/** Account statuses that take an account and its posts off the network. */
const GONE_STATUSES = new Set(['deleted', 'deactivated', 'takendown'])

const NETWORK = 'bluesky'
const MAX_DID = 2048

interface FollowCreate { follower: string; followee: string; rkey: string }
interface FollowDelete { follower: string; rkey: string }

export interface GraphWords {
  creates: FollowCreate[]
  deletes: FollowDelete[]
  /** DIDs whose last account event in the batch says they are gone. */
  goneAccounts: string[]
}

export interface GraphChanges { follows: number; unfollows: number; accountsErased: number }

/** The batch's last word on each follow record and each account, in event order. */
export function graphWords(events: readonly JetstreamEvent[]): GraphWords {
  const follows = new Map<string, FollowCreate | FollowDelete>()
  const accounts = new Map<string, boolean>()
  for (const event of events) {
    if (event.kind === 'account' && event.account !== undefined) {
      accounts.set(event.did, !event.account.active && GONE_STATUSES.has(event.account.status ?? ''))
      continue
    }
    if (event.kind !== 'commit' || event.commit.collection !== FOLLOW_COLLECTION) continue
    const key = `${event.did} ${event.commit.rkey}`
    follows.delete(key) // re-inserted, so the map keeps event order
    if (event.commit.operation === 'delete') {
      follows.set(key, { follower: event.did, rkey: event.commit.rkey })
      continue
    }
    const subject = event.commit.record?.subject
    if (typeof subject !== 'string' || !subject.startsWith('did:') || subject.length > MAX_DID || subject === event.did) continue
    follows.set(key, { follower: event.did, followee: subject, rkey: event.commit.rkey })
  }
  const creates: FollowCreate[] = []
  const deletes: FollowDelete[] = []
  for (const word of follows.values()) {
    if ('followee' in word) creates.push(word)
    else deletes.push(word)
  }
  return { creates, deletes, goneAccounts: [...accounts].filter(([, gone]) => gone).map(([did]) => did) }
}

/** Of these DIDs, those the workspace tracks. */
async function trackedDids(trx: Transaction<DB>, workspaceId: string, dids: readonly string[]): Promise<Set<string>> {
  if (dids.length === 0) return new Set()
  const rows = await trx.selectFrom('accounts').select('external_id')
    .where('workspace_id', '=', workspaceId).where('network', '=', NETWORK).where('external_id', 'in', [...new Set(dids)])
    .where((eb) => eb.or([
      eb('graph_collected_at', 'is not', null),
      eb.exists(eb.selectFrom('posts').select('posts.id').whereRef('posts.author_id', '=', 'accounts.id')),
    ]))
    .execute()
  return new Set(rows.map((row) => row.external_id))
}

/** Applies the batch's graph events in the caller's transaction (the one that stores its cursor). */
export async function applyGraphWords(trx: Transaction<DB>, workspaceId: string, words: GraphWords): Promise<GraphChanges> {
  const tracked = await trackedDids(trx, workspaceId, words.creates.flatMap((f) => [f.follower, f.followee]))
  const creates = words.creates.filter((f) => tracked.has(f.follower) || tracked.has(f.followee))
  let follows = 0
  if (creates.length > 0) {
    const ids = await upsertAccounts(trx, workspaceId, creates.flatMap((f) => [stubAccount(NETWORK, f.follower), stubAccount(NETWORK, f.followee)]))
    // One row per edge: the newest record of a pair is the one whose delete removes it.
    const edges = new Map<string, { network: string; follower_id: number; followee_id: number; rkey: string }>()
    for (const f of creates) {
      const edge = { network: NETWORK, follower_id: ids.get(accountKey(NETWORK, f.follower))!, followee_id: ids.get(accountKey(NETWORK, f.followee))!, rkey: f.rkey }
      edges.set(`${edge.follower_id} ${edge.followee_id}`, edge)
    }
    const rows = [...edges.values()].sort((a, b) => a.follower_id - b.follower_id || a.followee_id - b.followee_id)
    await sql`
      insert into follows (network, follower_id, followee_id, rkey)
      select network, follower_id, followee_id, rkey from ${jsonRows(rows, 'network text, follower_id bigint, followee_id bigint, rkey text')}
      on conflict (follower_id, followee_id) do update set last_seen_at = now(), rkey = excluded.rkey`.execute(trx)
    follows = rows.length
  }
  let unfollows = 0
  if (words.deletes.length > 0) {
    const removed = await sql`
      delete from follows f using accounts a, ${jsonRows(words.deletes, 'follower text, rkey text')}
      where a.id = f.follower_id and a.workspace_id = ${workspaceId} and a.network = ${NETWORK}
        and a.external_id = r.follower and f.rkey = r.rkey`.execute(trx)
    unfollows = Number(removed.numAffectedRows ?? 0)
  }
  let accountsErased = 0
  if (words.goneAccounts.length > 0) {
    const gone = await trx.selectFrom('accounts').select('id')
      .where('workspace_id', '=', workspaceId).where('network', '=', NETWORK).where('external_id', 'in', words.goneAccounts).execute()
    for (const account of gone) accountsErased += (await eraseAccount(trx, Number(account.id))).accounts
  }
  return { follows, unfollows, accountsErased }
}
