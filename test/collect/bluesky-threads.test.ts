import t from 'tap'
import { sql } from 'kysely'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { createInboxService } from '../../src/insight/mentions/inbox-service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { localJobs } from '../helpers/local-network.ts'
import { listen, minutesAgo } from '../helpers/bluesky-fidelity.ts'
import { postUri, type FakeBluesky, type FakeBlueskyPost } from '../fakes/bluesky/index.ts'

// The replies under a matched Bluesky post: app.bsky.feed.getPostThread, depth limited, read
// after the search for the matched posts whose reply count grew since they were last read.
const silent: Logger = { info() {}, warn() {}, error() {} }
const VELO_0 = postUri('did:plc:ann', 'velo-0')

async function collect(database: Database, workspaceId: string, threadRequests?: number) {
  const jobs = localJobs({ connectorTuning: { maxRetries: 1 }, ...(threadRequests !== undefined && { threadRequests }) })
  const outcome = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId }, { trigger: 'manual' })
  if (outcome.status !== 'succeeded') throw new Error(`collect-mentions ${outcome.status}: ${JSON.stringify(outcome)}`)
  return outcome.stats as Record<string, number>
}

const threadCalls = (fake: FakeBluesky) => fake.requests.filter((r) => r.nsid === 'app.bsky.feed.getPostThread').length

/** A chain of replies under `parent`, each answering the previous one. */
function chain(authorDids: string[], parent: string, prefix: string, texts: string[], minutes: number): FakeBlueskyPost[] {
  const posts: FakeBlueskyPost[] = []
  let previous = parent
  texts.forEach((text, i) => {
    const rkey = `${prefix}-${i}`
    posts.push({ rkey, authorDid: authorDids[i % authorDids.length], text, createdAt: minutesAgo(minutes - i * 0.01), replyTo: { parent: previous, root: parent } })
    previous = postUri(authorDids[i % authorDids.length], rkey)
  })
  return posts
}

async function replies(database: Database, workspaceId: string) {
  const { rows } = await sql<{ id: string; parent: string; author: string }>`
    select p.external_id as id, p.reply_to_external_id as parent, a.external_id as author from posts p join accounts a on a.id = p.author_id
    where p.workspace_id = ${workspaceId} and p.reply_to_external_id is not null order by p.created_at, p.id`.execute(database.db)
  return rows
}

t.test('the replies under a matched post are collected to the depth asked, as replies on the topic', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId, topicIds } = await listen(t, database)
  const texts = ['Which route do you take?', 'The one by the river', 'Thanks', 'No problem', 'Any time', 'Really', 'Seventh level', 'Eighth level']
  for (const post of chain(['did:plc:ben', 'did:plc:cat'], VELO_0, 'reply', texts, 0.9)) fake.state.addPost(post)

  // ann, who wrote velo-0, is one of the velo topic's own accounts: the brand.
  await database.db.updateTable('topics').set({ own_accounts: { bluesky: ['ann.test'] } }).where('id', '=', topicIds[0]).execute()
  const stats = await collect(database, workspaceId)
  t.equal(stats.threadRequests, 1, 'one thread read: the only matched post with replies')
  t.equal(threadCalls(fake), 1)
  const stored = await replies(database, workspaceId)
  t.equal(stored.length, 6, 'six levels of replies (the depth asked), not the two below')
  t.same(stored.slice(0, 2), [
    { id: postUri('did:plc:ben', 'reply-0'), parent: VELO_0, author: 'did:plc:ben' },
    { id: postUri('did:plc:cat', 'reply-1'), parent: postUri('did:plc:ben', 'reply-0'), author: 'did:plc:cat' },
  ], 'each reply points at its parent, by its author')
  t.equal(stats.replies, 6)
  const { rows: edges } = await sql<{ edge: string }>`
    select s.external_id || ' > ' || d.external_id as edge from interactions i join accounts s on s.id = i.source_id join accounts d on d.id = i.target_id
    join posts p on p.id = i.post_id where i.kind = 'reply' and p.workspace_id = ${workspaceId} and p.external_id = ${postUri('did:plc:ben', 'reply-0')}`.execute(database.db)
  t.same(edges.map((e) => e.edge), ['did:plc:ben > did:plc:ann'], 'the first reply is an interaction with the post\'s author')
  const veloTopic = topicIds[0]
  const inbox = await createInboxService({ db: database.db }).list(workspaceId, veloTopic, { limit: 50 })
  t.ok(inbox.items.some((item) => item.mention.text === 'Which route do you take?'), 'the question under the matched post is in the topic\'s inbox')

  const again = await collect(database, workspaceId)
  t.equal(again.threadRequests, 0, 'a second run does not re-read a thread whose reply count did not change')

  // A new reply: the engagement refresh sees the count grow, and the thread is read again.
  fake.state.addPost({ rkey: 'late', authorDid: 'did:plc:cat', text: 'Late answer', createdAt: minutesAgo(0.1), replyTo: { parent: VELO_0, root: VELO_0 } })
  const third = await collect(database, workspaceId)
  t.equal(third.threadRequests, 1, 'the thread whose reply count grew is read again')
  t.ok((await replies(database, workspaceId)).some((r) => r.id === postUri('did:plc:cat', 'late')), 'and the new reply is stored')
})

t.test('a run never reads more threads than its budget', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId } = await listen(t, database)
  for (const word of ['velo', 'train', 'tram']) {
    const author = word === 'velo' ? 'did:plc:ann' : word === 'train' ? 'did:plc:ben' : 'did:plc:cat'
    for (const post of chain(['did:plc:ben'], postUri(author, `${word}-0`), `r-${word}`, ['a reply'], 0.5)) fake.state.addPost(post)
  }
  const first = await collect(database, workspaceId, 2)
  t.equal(first.threadRequests, 2)
  t.equal(threadCalls(fake), 2, 'two threads read with a budget of two')
  const second = await collect(database, workspaceId, 2)
  t.equal(second.threadRequests, 1, 'the one left is read on the next run')
  t.equal(threadCalls(fake), 3)
})
