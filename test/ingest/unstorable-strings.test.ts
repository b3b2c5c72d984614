import t from 'tap'
import { sql } from 'kysely'
import { localJobs } from '../helpers/local-network.ts'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { startFakeMastodon } from '../fakes/mastodon/index.ts'

// A network may send what PostgreSQL cannot store (a NUL, half of a surrogate pair) and URLs
// that are not web links. Collection goes on, and only http(s) URLs are kept.

const silent: Logger = { info() {}, warn() {}, error() {} }
const now = Date.now()
const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString()

t.test('a NUL or a lone surrogate in a collected post does not block the source; javascript: URLs are not stored', async (t) => {
  const fake = await startFakeMastodon({
    accounts: [
      { id: '1', username: 'mallory', displayName: 'Mal\u0000lory \uD800', note: '<p>bio\u0000</p>', url: 'javascript:alert(document.cookie)' },
      { id: '2', username: 'bob', displayName: 'Bob' },
    ],
    statuses: [
      { id: '10', accountId: '2', createdAt: at(30), text: 'Avant #velo' },
      {
        id: '11', accountId: '1', createdAt: at(20), url: 'javascript:alert(1)',
        html: '<p>Vive le \u0000vélo \uDC00#<a href="https://x.example/tags/velo" class="mention hashtag">velo</a> <a href="javascript:alert(2)">clic</a> https://ok.example/a</p>', tags: ['velo'],
      },
      { id: '12', accountId: '2', createdAt: at(10), text: 'Après #velo' },
    ],
  })
  t.teardown(() => fake.close())
  const database = await openTestDatabase(t)
  const { db } = database
  const { id: workspaceId } = await createWorkspace(db, 'W')
  await db.insertInto('sources').values({ workspace_id: workspaceId, name: 'fake', network: 'mastodon', base_url: fake.url, settings: { localDomain: fake.host }, credentials: {} }).execute()
  const topic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo' }).returning('id').executeTakeFirstOrThrow()

  const jobs = localJobs({ connectorTuning: { maxRetries: 1 } })
  const run = await runJob({ db, log: silent }, jobs.get('collect-mentions')!, { topicId: topic.id }, { trigger: 'manual' })
  t.equal(run.status, 'succeeded', JSON.stringify(run))

  const posts = await sql<{ text: string; url: string | null; links: string[] }>`
    select p.text, p.url, p.links from topic_posts tp join posts p on p.id = tp.post_id where tp.topic_id = ${topic.id} order by p.created_at`.execute(db)
  t.equal(posts.rows.length, 3, 'the three posts are collected, the one after the bad one too')
  t.equal(posts.rows[1].text.includes('\u0000'), false, 'no NUL is stored')
  t.match(posts.rows[1].text, /^Vive le vélo #velo clic https:\/\/ok\.example\/a$/, 'the rest of the text is kept')
  t.equal(posts.rows[1].url, null, 'a javascript: post URL is not stored')
  t.same(posts.rows[1].links, ['https://ok.example/a'], 'only the http(s) link is kept')

  const mallory = await db.selectFrom('accounts').select(['display_name', 'bio', 'url']).where('handle', 'like', 'mallory@%').executeTakeFirstOrThrow()
  t.same(mallory, { display_name: 'Mallory ', bio: 'bio', url: null }, 'the profile is stored without NUL, lone surrogate or javascript: URL')
  const bob = await db.selectFrom('accounts').select('url').where('handle', 'like', 'bob@%').executeTakeFirstOrThrow()
  t.match(bob.url, /^http:\/\/127\.0\.0\.1:\d+\/@bob$/, 'an http URL is kept')
})
