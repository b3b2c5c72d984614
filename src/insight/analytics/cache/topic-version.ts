import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { notFound } from '../../../platform/shared/errors.ts'
import { isUuid } from '../../../platform/shared/ids.ts'

/**
 * What a topic's analytics depend on, in one short string: how many posts it has matched and
 * when it last matched one (changes at every ingest that brings something new), its latest score
 * run (changes at every scoring) and its own settings. Scoped to the workspace: another
 * workspace's topic is "not found".
 *
 * Engagement counts refreshed on posts already matched do not change the version; they show at
 * the next new match or score run.
 */
export async function topicVersion(db: Kysely<DB>, workspaceId: string, topicId: string): Promise<string> {
  if (!isUuid(topicId)) throw notFound('The topic')
  const { rows } = await sql<{ updated_at: Date; posts: number; last_match: Date | null; run_id: number | null }>`
    select t.updated_at,
      (select count(*) from topic_posts tp where tp.topic_id = t.id)::int as posts,
      (select max(tp.matched_at) from topic_posts tp where tp.topic_id = t.id) as last_match,
      (select max(r.id) from score_runs r where r.topic_id = t.id) as run_id
    from topics t where t.id = ${topicId} and t.workspace_id = ${workspaceId}`.execute(db)
  const row = rows[0]
  if (!row) throw notFound('The topic')
  return [row.posts, row.last_match?.getTime() ?? 0, row.run_id ?? 0, row.updated_at.getTime()].join('.')
}
