import t from 'tap'
import { sql } from 'kysely'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { createInboxService } from '../../src/insight/mentions/inbox-service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { localJobs } from '../helpers/local-network.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import type { RedditSeed } from '../fakes/reddit/seed.ts'
import { startRedditFake, type RedditFake } from '../fakes/reddit/server.ts'

// Replies under a matched Reddit submission: the comment tree is read after the search, its
// comments stored as replies to their parents, their authors as accounts, on the topic.
const silent: Logger = { info() {}, warn() {}, error() {} }
const CLIENT = { clientId: 'threads-client', clientSecret: 'threads-secret' }
const hour = Math.floor(Date.now() / 1000) - 3600

function seed(): RedditSeed {
  return {
    users: ['ana', 'bo', 'cy', 'dee', 'eve'].map((name, i) => ({ id: `u${i}`, name })),
    posts: [
      { id: 'p1', subreddit: 'rust', title: 'Moving our backend to rustlang', selftext: 'Two years in.', author: 'ana', createdUtc: hour, numComments: 4 },
      { id: 'p2', subreddit: 'rust', title: 'rustlang meetup tonight', author: 'bo', createdUtc: hour + 60, numComments: 0 },
      { id: 'p3', subreddit: 'programming', title: 'A rustlang borrow checker story', author: 'cy', createdUtc: hour + 120, numComments: 2 },
      { id: 'p9', subreddit: 'cooking', title: 'Soup', author: 'eve', createdUtc: hour + 130, numComments: 1 },
    ],
    comments: [
      { id: 'c1', postId: 'p1', parentId: 't3_p1', author: 'bo', body: 'How long did the migration take?', createdUtc: hour + 200 },
      { id: 'c2', postId: 'p1', parentId: 't1_c1', author: 'ana', body: 'About six months for the core services.', createdUtc: hour + 300 },
      { id: 'c3', postId: 'p1', parentId: 't1_c2', author: 'dee', body: 'Same here, worth it.', createdUtc: hour + 400 },
      { id: 'c4', postId: 'p1', parentId: 't3_p1', author: '[deleted]', body: '[deleted]', createdUtc: hour + 450 },
      { id: 'c5', postId: 'p3', parentId: 't3_p3', author: 'eve', body: 'Nice write-up', createdUtc: hour + 500 },
      { id: 'c6', postId: 'p3', parentId: 't1_c5', author: 'cy', body: 'Thanks!', createdUtc: hour + 510 },
      { id: 'c9', postId: 'p9', parentId: 't3_p9', author: 'ana', body: 'More salt', createdUtc: hour + 520 },
    ],
  }
}

/** Each workspace's topic names u/ana, who wrote the first submission, as one of its own accounts. */
async function listener(database: Database, fake: RedditFake, name: string) {
  const { id: workspaceId } = await createWorkspace(database.db, name)
  await database.db.insertInto('sources').values({
    workspace_id: workspaceId, name: 'reddit', network: 'reddit', base_url: fake.url,
    settings: { tokenUrl: `${fake.url}/api/v1/access_token` }, credentials: sealCredentials(TEST_SECRETS, CLIENT),
  }).execute()
  const topic = await database.db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Rust', query: 'rustlang', networks: ['reddit'], own_accounts: { reddit: ['u/ana'] } }).returning('id').executeTakeFirstOrThrow()
  return { workspaceId, topicId: topic.id }
}

async function collect(database: Database, workspaceId: string, threadRequests?: number) {
  const jobs = localJobs({ connectorTuning: { maxRetries: 1 }, ...(threadRequests !== undefined && { threadRequests }) })
  const outcome = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId }, { trigger: 'manual' })
  if (outcome.status !== 'succeeded') throw new Error(`collect-mentions ${outcome.status}: ${JSON.stringify(outcome)}`)
  return outcome.stats as Record<string, number>
}

async function replies(database: Database, workspaceId: string) {
  const { rows } = await sql<{ id: string; parent: string; author: string | null; text: string }>`
    select p.external_id as id, p.reply_to_external_id as parent, a.handle as author, p.text from posts p left join accounts a on a.id = p.author_id
    where p.workspace_id = ${workspaceId} and p.external_id like 't1_%' order by p.external_id`.execute(database.db)
  return rows
}

async function replyEdges(database: Database, workspaceId: string) {
  const { rows } = await sql<{ edge: string }>`
    select s.handle || ' > ' || d.handle as edge from interactions i
    join accounts s on s.id = i.source_id join accounts d on d.id = i.target_id
    where i.kind = 'reply' and s.workspace_id = ${workspaceId} order by 1`.execute(database.db)
  return rows.map((r) => r.edge)
}

t.test('replies under a matched submission are collected; under the brand\'s own, they are on the topic and in its inbox', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await startRedditFake({ seed: seed(), ...CLIENT })
  t.teardown(() => fake.close())
  const mine = await listener(database, fake, 'Mine')
  const theirs = await listener(database, fake, 'Theirs')

  const stats = await collect(database, mine.workspaceId)
  t.equal(stats.matched, 3, 'the three submissions about rustlang are matched')
  t.equal(stats.threadRequests, 2, 'one comment tree per matched submission that has comments (not the one without, not the unmatched soup)')
  t.equal(fake.commentRequests, 2)
  t.equal(stats.replies, 6, 'six comments stored')
  t.same(await replies(database, mine.workspaceId), [
    { id: 't1_c1', parent: 't3_p1', author: 'u/bo', text: 'How long did the migration take?' },
    { id: 't1_c2', parent: 't1_c1', author: 'u/ana', text: 'About six months for the core services.' },
    { id: 't1_c3', parent: 't1_c2', author: 'u/dee', text: 'Same here, worth it.' },
    { id: 't1_c4', parent: 't3_p1', author: null, text: '' },
    { id: 't1_c5', parent: 't3_p3', author: 'u/eve', text: 'Nice write-up' },
    { id: 't1_c6', parent: 't1_c5', author: 'u/cy', text: 'Thanks!' },
  ], 'each comment replies to its parent, by its author (the deleted one by nobody, its body dropped)')
  t.same(await replyEdges(database, mine.workspaceId), ['u/ana > u/bo', 'u/bo > u/ana', 'u/cy > u/eve', 'u/dee > u/ana', 'u/eve > u/cy'], 'replies are interactions between their authors')

  const onTopic = await database.db.selectFrom('topic_posts').innerJoin('posts', 'posts.id', 'topic_posts.post_id')
    .select(['posts.external_id', 'topic_posts.matched_terms', 'topic_posts.via']).where('topic_posts.topic_id', '=', mine.topicId).where('posts.external_id', 'like', 't1_%').orderBy('posts.external_id').execute()
  t.same(onTopic.map((r) => r.external_id), ['t1_c1', 't1_c2', 't1_c3', 't1_c4'], 'the replies under the brand\'s own submission are on its topic; those under someone else\'s are not')
  t.same([...new Set(onTopic.map((r) => `${r.via} ${r.matched_terms.join(' ')}`))], ['own-account @u/ana'], 'put there by the brand\'s account, not by the query: their own words do not match it')

  const inbox = await createInboxService({ db: database.db }).list(mine.workspaceId, mine.topicId, { limit: 50 })
  const question = inbox.items.find((item) => item.mention.text === 'How long did the migration take?')
  t.ok(question, 'the question asked under the brand\'s matched submission is in the topic\'s inbox')
  t.same(question?.reasons.slice().sort(), ['directMention', 'question'], 'a question, addressed to the brand')

  // Another workspace listening to the same network with the same query sees none of it.
  t.equal((await replies(database, theirs.workspaceId)).length, 0, 'no reply is stored for the other workspace')
  t.equal((await createInboxService({ db: database.db }).list(theirs.workspaceId, theirs.topicId, { limit: 50 })).items.length, 0, 'nothing in the other workspace\'s inbox')
  const leaked = await database.db.selectFrom('topic_posts').innerJoin('posts', 'posts.id', 'topic_posts.post_id')
    .select('posts.workspace_id').where('topic_posts.topic_id', '=', theirs.topicId).execute()
  t.equal(leaked.length, 0, 'the other workspace\'s topic holds no post')

  // Nothing changed: the second run reads no comment tree again.
  const again = await collect(database, mine.workspaceId)
  t.equal(again.threadRequests, 0, 'a second run does not re-read unchanged submissions')
  t.equal(fake.commentRequests, 2)

  // A new submission with a comment: only it is read.
  fake.seed.posts.push({ id: 'p4', subreddit: 'rust', title: 'rustlang 2.0 wishlist', author: 'dee', createdUtc: hour + 900, numComments: 1 })
  fake.seed.comments!.push({ id: 'c7', postId: 'p4', parentId: 't3_p4', author: 'bo', body: 'Is async drop coming?', createdUtc: hour + 950 })
  const third = await collect(database, mine.workspaceId)
  t.equal(third.threadRequests, 1, 'only the new submission\'s tree is read')
  t.equal(third.replies, 1)
  t.match(await replies(database, mine.workspaceId), [{}, {}, {}, {}, {}, {}, { id: 't1_c7', parent: 't3_p4', author: 'u/bo' }])
})

t.test('a run never reads more comment trees than its budget; the next run goes on with the rest', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await startRedditFake({ seed: seed(), ...CLIENT })
  t.teardown(() => fake.close())
  const mine = await listener(database, fake, 'Mine')
  const first = await collect(database, mine.workspaceId, 1)
  t.equal(first.threadRequests, 1, 'one tree read with a budget of one')
  t.equal(fake.commentRequests, 1)
  t.same((await replies(database, mine.workspaceId)).map((r) => r.id), ['t1_c1', 't1_c2', 't1_c3', 't1_c4'], 'the oldest submission first')
  const second = await collect(database, mine.workspaceId, 1)
  t.equal(second.threadRequests, 1)
  t.equal(fake.commentRequests, 2)
  t.same((await replies(database, mine.workspaceId)).map((r) => r.id), ['t1_c1', 't1_c2', 't1_c3', 't1_c4', 't1_c5', 't1_c6'], 'then the one left unread')
  const third = await collect(database, mine.workspaceId, 1)
  t.equal(third.threadRequests, 0, 'then nothing')
})

t.test('a comment tree deeper than asked is cut where Reddit cuts it', async (t) => {
  const base = seed()
  const chain = Array.from({ length: 12 }, (_, i) => ({ id: `d${i}`, postId: 'p2', parentId: i === 0 ? 't3_p2' : `t1_d${i - 1}`, author: 'eve', body: `level ${i}`, createdUtc: hour + 1000 + i }))
  base.posts[1].numComments = chain.length
  base.comments!.push(...chain)
  const database = await openTestDatabase(t)
  const fake = await startRedditFake({ seed: base, ...CLIENT })
  t.teardown(() => fake.close())
  const mine = await listener(database, fake, 'Mine')
  await collect(database, mine.workspaceId)
  const levels = (await replies(database, mine.workspaceId)).filter((r) => r.id.startsWith('t1_d')).map((r) => r.id)
  t.equal(levels.length, 8, 'eight levels of replies read (the depth asked), the rest behind a `more` stub')
})

t.test('the engagement refresh reads the scores of the comments on a topic, as it does the submissions\'', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await startRedditFake({ seed: seed(), ...CLIENT })
  t.teardown(() => fake.close())
  const mine = await listener(database, fake, 'Mine')
  await collect(database, mine.workspaceId)
  for (const comment of fake.seed.comments!) comment.score = comment.id === 'c2' ? -3 : 40
  const before = fake.requests.length
  await collect(database, mine.workspaceId)
  const asked = fake.requests.slice(before).filter((r) => r.path === '/api/info').flatMap((r) => r.query.get('id')?.split(',') ?? [])
  t.ok(asked.includes('t1_c1'), 'a comment on the topic is asked for by its fullname')
  const { rows } = await sql<{ id: string; likes: number; read: number }>`
    select p.external_id as id, p.likes, (select count(*)::int from post_engagement_readings r where r.post_id = p.id) as read
    from posts p join topic_posts tp on tp.post_id = p.id and tp.topic_id = ${mine.topicId}
    where p.workspace_id = ${mine.workspaceId} and p.external_id like 't1_%' order by p.external_id`.execute(database.db)
  t.same(rows, [
    { id: 't1_c1', likes: 40, read: 1 },
    { id: 't1_c2', likes: 0, read: 1 },
    { id: 't1_c3', likes: 40, read: 1 },
    { id: 't1_c4', likes: 40, read: 1 },
  ], 'each comment on the topic has the server\'s current score (never below zero) and a reading, so it no longer stays first in line for the next refresh')
})
