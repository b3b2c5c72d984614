// GET /v1/sources/{id}/gaps: the spans a source's live stream missed, with how their fill went,
// to the workspace that owns the source only.
import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.ts'

t.test('a source\'s gaps, latest first, paginated, to its workspace only', async (t) => {
  const ctx = await buildTestApp(t)
  const db = ctx.database.db
  const source = await db.insertInto('sources').values({ workspace_id: ctx.mine.id, name: 'live', network: 'bluesky', settings: { streaming: 'on' } }).returning('id').executeTakeFirstOrThrow()
  const theirs = await db.insertInto('sources').values({ workspace_id: ctx.theirs.id, name: 'live', network: 'bluesky', settings: { streaming: 'on' } }).returning('id').executeTakeFirstOrThrow()
  const fromUs = Date.parse('2026-12-05T03:10:00.000Z') * 1000
  const toUs = Date.parse('2026-12-06T16:02:11.000Z') * 1000
  await db.insertInto('stream_gaps').values({ workspace_id: ctx.mine.id, source_id: source.id, from_us: fromUs, to_us: toUs, status: 'filled', posts: 214, filled_at: new Date('2026-12-06T16:15:40.100Z') }).execute()
  await db.insertInto('stream_gaps').values({ workspace_id: ctx.mine.id, source_id: source.id, from_us: toUs + 1e9, to_us: toUs + 9e9, note: 'Bluesky search needs a login' }).execute()
  await db.insertInto('stream_gaps').values({ workspace_id: ctx.theirs.id, source_id: theirs.id, from_us: fromUs, to_us: toUs }).execute()

  const first = await ctx.app.inject({ url: `/v1/sources/${source.id}/gaps?limit=1`, headers: bearer(ctx.mine.read) })
  t.equal(first.statusCode, 200)
  const page = first.json() as { items: Record<string, unknown>[]; nextCursor: string | null }
  t.match(page.items, [{ status: 'needs_backfill', posts: 0, note: 'Bluesky search needs a login', filledAt: null, from: '2026-12-06T16:18:51.000Z', to: '2026-12-06T18:32:11.000Z' }], 'the latest first: open, with why')
  t.ok(page.nextCursor, 'a next page')
  const second = (await ctx.app.inject({ url: `/v1/sources/${source.id}/gaps?limit=1&cursor=${page.nextCursor}`, headers: bearer(ctx.mine.read) })).json() as typeof page
  t.same(second.items.map(({ id: _id, detectedAt: _at, ...gap }) => gap), [{ from: '2026-12-05T03:10:00.000Z', to: '2026-12-06T16:02:11.000Z', status: 'filled', posts: 214, note: null, filledAt: '2026-12-06T16:15:40.100Z' }], 'then the filled one, with its posts')
  t.equal(second.nextCursor, null)

  t.equal((await ctx.app.inject({ url: `/v1/sources/${theirs.id}/gaps`, headers: bearer(ctx.mine.read) })).statusCode, 404, "another workspace's source is not found")
  t.equal((await ctx.app.inject({ url: `/v1/sources/${source.id}/gaps` })).statusCode, 401, 'no key: 401')
  t.equal((await ctx.app.inject({ url: `/v1/sources/not-a-uuid/gaps`, headers: bearer(ctx.mine.read) })).statusCode, 404)
})
