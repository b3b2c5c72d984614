import t from 'tap'
import { sql } from 'kysely'
import { createJobs } from '../../jobs/index.ts'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'

// A workspace keeping 30 days of posts, another keeping everything, sharing some posts.

const silent: Logger = { info() {}, warn() {}, error() {} }
const DAY = 86_400_000
const now = Date.now()
const h = (id: string) => `${id}@r.example`
const account = (id: string): NormalizedAccount => ({ network: 'mastodon', externalId: h(id), handle: h(id), displayName: id, bio: null, url: null, followersCount: 1, followingCount: 1, postsCount: 1 })
const post = (key: string, author: string, daysAgo: number, text: string, extra: Partial<NormalizedPost> = {}): NormalizedPost => ({
  network: 'mastodon', externalId: `https://r.example/s/${key}`, authorExternalId: h(author), createdAt: new Date(now - daysAgo * DAY), text, lang: 'fr', url: null,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 0, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [], ...extra,
})

t.test('retention removes what is older than the workspace\'s setting, and nothing else', async (t) => {
  const { app, database, mine, theirs } = await buildTestApp(t)
  const { db } = database
  const newTopic = async (key: string, query: string) => (await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(key), payload: { name: query, query } })).json() as { id: string }
  const mineTopic = await newTopic(mine.write, '#velo')
  const theirTopic = await newTopic(theirs.write, '#rando')
  const topics = await db.selectFrom('topics').select(['id', 'query', 'networks', 'languages']).where('id', 'in', [mineTopic.id, theirTopic.id]).execute()
  await db.transaction().execute((trx) => ingestBatch(trx, {
    accounts: ['a', 'b', 'c'].map(account),
    posts: [
      post('old-mine', 'a', 40, 'Vieux #velo'),
      post('new-mine', 'b', 10, 'Récent #velo'),
      post('old-reply', 'c', 35, 'Réponse #velo', { replyToExternalId: 'https://r.example/s/new-mine', replyToAuthorExternalId: h('b') }),
      post('old-shared', 'b', 45, 'Partagé #velo #rando'),
      post('old-theirs', 'c', 50, 'Ancien #rando'),
      post('old-imported', 'a', 60, 'Importé sans sujet'),
      post('edge-mine', 'a', 29, 'Juste à temps #velo'),
    ],
  }, topics.map(topicMatcher)))
  const imported = await db.selectFrom('posts').select('id').where('external_id', '=', 'https://r.example/s/old-imported').executeTakeFirstOrThrow()
  await db.insertInto('imported_posts').values({ workspace_id: mine.id, post_id: imported.id, lang_given: true }).execute()

  t.equal((await app.inject({ method: 'PUT', url: '/v1/workspace/retention', headers: bearer(mine.write), payload: { retentionDays: 30 } })).statusCode, 403, 'only an admin key sets it')
  t.equal((await app.inject({ method: 'PUT', url: '/v1/workspace/retention', headers: bearer(mine.admin), payload: { retentionDays: 0 } })).statusCode, 400, 'at least one day')
  const set = await app.inject({ method: 'PUT', url: '/v1/workspace/retention', headers: bearer(mine.admin), payload: { retentionDays: 30 } })
  t.same(set.json(), { retentionDays: 30 })
  t.same((await app.inject({ url: '/v1/workspace/retention', headers: bearer(mine.read) })).json(), { retentionDays: 30 })
  t.same((await app.inject({ url: '/v1/workspace/retention', headers: bearer(theirs.read) })).json(), { retentionDays: null }, 'off by default')

  const edgesQuery = sql<{ kind: string; post: string }>`
    select i.kind, p.external_id as post from interactions i join posts p on p.id = i.post_id where p.external_id like 'https://r.example/%'`
  t.same((await edgesQuery.execute(db)).rows, [{ kind: 'reply', post: 'https://r.example/s/old-reply' }], 'before: the old reply drew an edge')
  const run = await runJob({ db, log: silent }, createJobs().get('retention')!, {}, { trigger: 'manual' })
  t.equal(run.status, 'succeeded', JSON.stringify(run))

  const feed = async (key: string, topicId: string) =>
    ((await app.inject({ url: `/v1/topics/${topicId}/mentions?limit=100`, headers: bearer(key) })).json() as { items: { text: string }[] }).items.map((i) => i.text).sort()
  t.same(await feed(mine.read, mineTopic.id), ['Juste à temps #velo', 'Récent #velo'], 'the 30-day workspace keeps its last 30 days only')
  t.same(await feed(theirs.read, theirTopic.id), ['Ancien #rando', 'Partagé #velo #rando'], 'the other workspace keeps everything, shared posts included')

  const stored = (await db.selectFrom('posts').select('text').where('external_id', 'like', 'https://r.example/%').execute()).map((p) => p.text).sort()
  t.same(stored, ['Ancien #rando', 'Juste à temps #velo', 'Partagé #velo #rando', 'Récent #velo'], 'posts no workspace keeps are deleted, the imported one too')
  t.same((await edgesQuery.execute(db)).rows, [], 'the old reply\'s interaction went with it')
  t.same((await app.inject({ url: '/v1/workspace/settings', headers: bearer(mine.read) })).statusCode, 200, 'the other settings still answer')
})
