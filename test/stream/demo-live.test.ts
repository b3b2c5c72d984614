// `relais demo` reads its Bluesky live: with the demo's sandbox (time passing with the wall clock)
// and the demo's stream worker, a post written on the simulated Bluesky after the start reaches
// the topic's mention feed, with no collection run, and the sandbox's REST search shows it too.
// Runs on the suite's database: PostgreSQL with DATABASE_URL, embedded without.
import t from 'tap'
import { createDemoWorkspace } from '../../src/simulation/demo/demo-setup.ts'
import { startDemoStream } from '../../src/simulation/demo/demo-stream.ts'
import { generateSandbox, renderPost, startSandboxServer } from '../../src/simulation/sandbox/index.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { LOCAL_POLICY, silentLog, waitFor } from './fixtures/stream-setup.ts'

const HOUR_MS = 3_600_000
/** Each demo topic's hashtags and language (demo-setup.ts), by topic name. */
const TOPIC_TAGS: Record<string, { tags: string[]; lang: string }> = {
  'Vélo en ville': { tags: ['velo', 'mobilite', 'velotaf'], lang: 'fr' },
  'Rust & open source': { tags: ['rustlang', 'opensource'], lang: 'en' },
}

t.test('on the demo, a Bluesky post written live reaches the mention feed through the stream', async (t) => {
  const { app, database, mine } = await buildTestApp(t)
  const db = database.db
  // As `relais demo` starts it: the present is now, and sandbox time passes.
  const data = generateSandbox({ seed: 'relais-demo', accounts: 600, days: 14, now: new Date() })
  const sandbox = await startSandboxServer({ data, liveClock: true })
  t.teardown(() => sandbox.close())
  const demo = await createDemoWorkspace(db, data, sandbox, TEST_SECRETS)
  await db.updateTable('topics').set({ workspace_id: mine.id }).where('workspace_id', '=', demo.workspaceId).execute()
  await db.updateTable('sources').set({ workspace_id: mine.id }).where('workspace_id', '=', demo.workspaceId).execute()
  const source = await db.selectFrom('sources').select(['id', 'settings']).where('workspace_id', '=', mine.id).where('network', '=', 'bluesky').executeTakeFirstOrThrow()
  t.same(source.settings, { pdsUrl: sandbox.blueskyPdsUrl, streaming: 'on', jetstreamUrl: sandbox.blueskyJetstreamUrl }, 'the demo\'s Bluesky source streams from the sandbox\'s Jetstream')

  const stream = startDemoStream(db, LOCAL_POLICY, TEST_SECRETS, silentLog)
  t.teardown(() => stream.stop())
  // The reader has started (it stores where it begins before it connects).
  await waitFor(async () => (await db.selectFrom('stream_leases').select('cursor_us').where('source_id', '=', source.id).executeTakeFirst())?.cursor_us != null, 30_000, 'the reader to start')

  // The next Bluesky post, after the present, that one of the demo's topics is about.
  const startMs = sandbox.now().getTime() + 1000
  let target: { post: ReturnType<typeof renderPost>; topic: { id: string; name: string } } | null = null
  for (let i = 0; i < data.posts.count && target === null; i++) {
    if (data.posts.createdAt[i] <= startMs) continue
    const post = renderPost(data, i)
    if (post.network !== 'bluesky' || post.kind === 'repost') continue
    const tags = post.segments.flatMap((s) => (s.type === 'tag' ? [s.tag.toLowerCase()] : []))
    const topic = demo.topics.find((tp) => post.lang === TOPIC_TAGS[tp.name].lang && tags.some((tag) => TOPIC_TAGS[tp.name].tags.includes(tag)))
    if (topic) target = { post, topic }
  }
  if (target === null) throw new Error('no on-topic Bluesky post after the present')
  const { post, topic } = target
  const createdAt = post.createdAt.toISOString()
  const tag = post.segments.find((s) => s.type === 'tag' && TOPIC_TAGS[topic.name].tags.includes(s.tag.toLowerCase())) as { tag: string }

  const listed = async () => {
    const found: { network: string; createdAt: string }[] = []
    let cursor: string | null = null
    do {
      const res = await app.inject({ url: `/v1/topics/${topic.id}/mentions?limit=100${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(mine.read) })
      if (res.statusCode !== 200) throw new Error(`mention feed answered ${res.statusCode}`)
      const page = res.json() as { items: { network: string; createdAt: string }[]; nextCursor: string | null }
      found.push(...page.items)
      cursor = page.nextCursor
    } while (cursor !== null)
    return found.some((m) => m.network === 'bluesky' && m.createdAt === createdAt)
  }
  const searched = async () => {
    const res = await fetch(`${sandbox.blueskyAppViewUrl}/xrpc/app.bsky.feed.searchPosts?q=${encodeURIComponent(`#${tag.tag}`)}&sort=latest&limit=100`)
    const body = (await res.json()) as { posts: { record: { createdAt: string } }[] }
    return body.posts.some((p) => p.record.createdAt === createdAt)
  }
  t.notOk(await listed(), `before its time, the ${topic.name} feed does not list the post of ${createdAt}`)
  t.notOk(await searched(), 'nor does the simulated Bluesky\'s search')

  // Sandbox time is moved to the post (rather than waited for): it is written, and published.
  sandbox.advance((post.createdAt.getTime() - sandbox.now().getTime()) / HOUR_MS + 1 / 3600)
  t.ok(await searched(), 'once written, the simulated Bluesky\'s search finds it')
  const writtenAt = Date.now()
  await waitFor(listed, 30_000, 'the live post in the mention feed')
  // A figure for the reader, not a check: how long the feed took here.
  t.comment(`listed ${Date.now() - writtenAt} ms after it was written`)
  t.pass(`the ${topic.name} feed lists it, without any collection run`)
  const runs = await db.selectFrom('job_runs').select('id').where('workspace_id', '=', mine.id).execute()
  t.equal(runs.length, 0, 'no job ran: the stream brought it')
  // The quiet simulated network (minutes between posts, here the time jumped to the post) is no gap.
  const gaps = await db.selectFrom('stream_gaps').select('source_id').where('source_id', '=', source.id).execute()
  t.equal(gaps.length, 0, 'no gap recorded')
})
