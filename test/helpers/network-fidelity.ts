// A workspace listening to the three fidelity topics (velo, train, tram) through one source on a
// fake network; the runs themselves are `scheduledRun` of ./bluesky-fidelity.ts.
import type { Database } from '../../src/platform/db/database.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { TOPIC_WORDS } from './bluesky-fidelity.ts'
import { TEST_SECRETS } from './test-secrets.ts'

export interface FakeSource { network: 'x' | 'reddit' | 'mastodon'; baseUrl: string; settings?: Record<string, string>; credentials: Record<string, string> }
export interface SourceListening { workspaceId: string; sourceId: string; topicIds: string[] }

/** `queries`: the topics' queries, one per topic word by default (`#velo` for hashtag timelines). */
export async function listenOn(database: Database, source: FakeSource, queries: readonly string[] = TOPIC_WORDS): Promise<SourceListening> {
  const { id: workspaceId } = await createWorkspace(database.db, `Fidelity ${source.network}`)
  const row = await database.db.insertInto('sources').values({
    workspace_id: workspaceId, name: source.network, network: source.network, base_url: source.baseUrl,
    settings: source.settings ?? {}, credentials: sealCredentials(TEST_SECRETS, source.credentials),
  }).returning('id').executeTakeFirstOrThrow()
  const topics = await database.db.insertInto('topics')
    .values(queries.map((query) => ({ workspace_id: workspaceId, name: query, query })))
    .returning('id').execute()
  return { workspaceId, sourceId: row.id, topicIds: topics.map((t) => t.id) }
}

export interface Counts { likes: number; reposts: number; replies: number; quotes: number }

/** The counts of every matched post younger than `days`, by external id. */
export async function storedCounts(database: Database, workspaceId: string, days = 7): Promise<Map<string, Counts>> {
  const rows = await database.db.selectFrom('posts')
    .select(['external_id', 'likes', 'reposts', 'replies', 'quotes'])
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '>', new Date(Date.now() - days * 86_400_000))
    .where((eb) => eb.exists(eb.selectFrom('topic_posts').select('topic_posts.post_id').whereRef('topic_posts.post_id', '=', 'posts.id')))
    .execute()
  return new Map(rows.map((r) => [r.external_id, { likes: r.likes, reposts: r.reposts, replies: r.replies, quotes: r.quotes }]))
}

/**
 * The last reading the engagement refresh kept for each post, by external id: only the refresh
 * writes readings, so these show what it read, apart from counts a search may bring on its own.
 */
export async function latestReadings(database: Database, workspaceId: string): Promise<Map<string, Counts>> {
  const rows = await database.db.selectFrom('post_engagement_readings as r').innerJoin('posts as p', 'p.id', 'r.post_id')
    .select(['p.external_id', 'r.likes', 'r.reposts', 'r.replies', 'r.quotes', 'r.read_at'])
    .where('p.workspace_id', '=', workspaceId).orderBy('r.read_at').execute()
  return new Map(rows.map((r) => [r.external_id, { likes: r.likes, reposts: r.reposts, replies: r.replies, quotes: r.quotes }]))
}
