import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { OwnAccounts } from '../../platform/db/tables/topics.ts'

/** accounts.id of the topic's own accounts (the brand's), matched by handle or external id. */
export async function ownAccountIds(db: Kysely<DB>, own: OwnAccounts): Promise<number[]> {
  const wanted = Object.entries(own).flatMap(([network, handles]) => handles.map((h) => ({ network, handle: h.replace(/^@/, '').toLowerCase() })))
  if (wanted.length === 0) return []
  const rows = await sql<{ id: number }>`
    select a.id from accounts a
    join jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(network text, handle text)
      on a.network = w.network and (lower(a.handle) = w.handle or lower(a.external_id) = w.handle)`.execute(db)
  return rows.rows.map((r) => r.id)
}

/** Of `candidates`, those with any follow or interaction, either way, with one of `own`. */
export async function tiedToOwn(db: Kysely<DB>, candidates: number[], own: number[]): Promise<Set<number>> {
  if (candidates.length === 0 || own.length === 0) return new Set()
  const c = JSON.stringify(candidates)
  const o = JSON.stringify(own)
  const rows = await sql<{ id: number }>`
    with cand as (select value::bigint as id from jsonb_array_elements_text(${c}::jsonb)),
         own as (select value::bigint as id from jsonb_array_elements_text(${o}::jsonb))
    select f.follower_id as id from follows f where f.follower_id in (select id from cand) and f.followee_id in (select id from own)
    union select f.followee_id from follows f where f.followee_id in (select id from cand) and f.follower_id in (select id from own)
    union select i.source_id from interactions i where i.source_id in (select id from cand) and i.target_id in (select id from own)
    union select i.target_id from interactions i where i.target_id in (select id from cand) and i.source_id in (select id from own)`.execute(db)
  return new Set(rows.rows.map((r) => r.id))
}
