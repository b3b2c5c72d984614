import t from 'tap'
import { PassThrough } from 'node:stream'
import { sql } from 'kysely'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { exportRecords, importRecords } from '../../src/pipeline/interchange/index.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { listen, scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { localJobs } from '../helpers/local-network.ts'
import { postUri } from '../fakes/bluesky/index.ts'

async function* lines$(text: string) { yield text }

const silent: Logger = { info() {}, warn() {}, error() {} }

async function follows(database: Database): Promise<string[]> {
  const { rows } = await sql<{ edge: string }>`
    select fa.external_id || ' > ' || fb.external_id as edge from follows f
    join accounts fa on fa.id = f.follower_id join accounts fb on fb.id = f.followee_id order by 1`.execute(database.db)
  return rows.map((r) => r.edge)
}

async function exported(database: Database, workspaceId: string): Promise<Record<string, unknown>[]> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  await exportRecords(database.db, workspaceId, out)
  return Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
}

t.test('collect-graph replaces each follow list it reads: an unfollow is no longer exported', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId } = await listen(t, database)
  const [ann, ben, cat] = ['did:plc:ann', 'did:plc:ben', 'did:plc:cat']
  fake.state.follows.push({ followerDid: ben, followeeDid: ann }, { followerDid: cat, followeeDid: ann }, { followerDid: ann, followeeDid: cat }, { followerDid: ben, followeeDid: cat })
  t.equal((await scheduledRun(database, workspaceId)).status, 'succeeded')
  const graph = () => runJob({ db: database.db, log: silent }, localJobs().get('collect-graph')!, { workspaceId }, { trigger: 'manual' })
  t.equal((await graph()).status, 'succeeded')
  t.same(await follows(database), [`${ann} > ${cat}`, `${ben} > ${ann}`, `${ben} > ${cat}`, `${cat} > ${ann}`])

  // cat unfollows ann (seen in ann's followers and cat's following); the lists are read again.
  fake.state.follows.splice(fake.state.follows.findIndex((f) => f.followerDid === cat && f.followeeDid === ann), 1)
  const second = await graph()
  t.equal(second.status, 'succeeded')
  t.equal(second.status !== 'skipped' && second.stats.unfollows, 1)
  t.same(await follows(database), [`${ann} > ${cat}`, `${ben} > ${ann}`, `${ben} > ${cat}`])

  // An independent case in the other direction: ann stops following cat, ben unfollows both.
  fake.state.follows.splice(0, fake.state.follows.length, { followerDid: cat, followeeDid: ben })
  t.equal((await graph()).status, 'succeeded')
  t.same(await follows(database), [`${cat} > ${ben}`])
  const lines = await exported(database, workspaceId)
  t.same(lines.filter((l) => l.type === 'follow').map((l) => `${String(l.followerId)} > ${String(l.followeeId)}`), [`${cat} > ${ben}`])
})

t.test('an export carries the reposts of matched posts, and an import into another workspace keeps them', async (t) => {
  const database = await openTestDatabase(t)
  const { workspaceId } = await listen(t, database)
  t.equal((await scheduledRun(database, workspaceId)).status, 'succeeded')
  // Reposts as the author-feed reads store them: posts of their own that match no topic.
  const subject = postUri('did:plc:ann', 'velo-0')
  const otherSubject = postUri('did:plc:cat', 'tram-3')
  await importRecords(database.db, workspaceId, lines$([
    JSON.stringify({ type: 'account', network: 'bluesky', id: 'did:plc:dan', handle: 'dan.test' }),
    JSON.stringify({ type: 'post', network: 'bluesky', id: 'at://did:plc:dan/app.bsky.feed.repost/r1', authorId: 'did:plc:dan', createdAt: new Date().toISOString(), text: '', repostOf: subject }),
    JSON.stringify({ type: 'post', network: 'bluesky', id: 'at://did:plc:dan/app.bsky.feed.repost/r2', authorId: 'did:plc:dan', createdAt: new Date().toISOString(), text: '', repostOf: otherSubject }),
  ].join('\n')))
  // The import bookkeeping is dropped: what remains is what collection would have stored.
  await database.db.deleteFrom('imported_posts').execute()
  await database.db.deleteFrom('imported_accounts').execute()

  const lines = await exported(database, workspaceId)
  const reposts = lines.filter((l) => l.type === 'post' && l.repostOf)
  t.same(reposts.map((l) => l.repostOf).sort(), [subject, otherSubject].sort(), 'both reposts exported with repostOf')
  t.ok(lines.some((l) => l.type === 'account' && l.id === 'did:plc:dan'), 'with the reposter')

  const { id: other } = await createWorkspace(database.db, 'Other')
  await importRecords(database.db, other, lines$(lines.map((l) => JSON.stringify(l)).join('\n')))
  const again = await exported(database, other)
  t.same(again.filter((l) => l.type === 'post' && l.repostOf).map((l) => l.id).sort(), reposts.map((l) => l.id).sort(), 'the round trip keeps them')
  // Each workspace holds its own copies (provenance): the importing one has both reposts as interactions.
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from interactions i join posts p on p.id = i.post_id where i.kind = 'repost' and p.workspace_id = ${other}`.execute(database.db)
  t.equal(rows[0].n, 2, 'as repost interactions of the importing workspace')
})
