// A source's live collection as the API shows it (GET /v1/sources, /v1/sources/{id}): whether it
// streams, whether a process reads it, its last event and lag, and why it cannot be read; and
// PATCH /v1/sources/{id} turns the reading off (the running worker lets the source go) and on.
import t from 'tap'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'
import { startStreamWorker } from '../../src/pipeline/stream/stream-worker.ts'
import { LOCAL_POLICY, silentLog, waitFor } from '../stream/fixtures/stream-setup.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'

interface Streaming { enabled: boolean; reading: boolean; lastEventAt: string | null; lagSeconds: number | null; lastError: { message: string; at: string } | null }
interface SourceBody { id: string; network: string; settings: Record<string, string>; streaming: Streaming | null }

const getSource = async (ctx: TestApp, id: string, key = ctx.mine.read) => ctx.app.inject({ url: `/v1/sources/${id}`, headers: bearer(key) })
const patch = (ctx: TestApp, id: string, payload: unknown, key = ctx.mine.admin) => ctx.app.inject({ method: 'PATCH', url: `/v1/sources/${id}`, headers: bearer(key), payload: payload as object })
const create = async (ctx: TestApp, payload: object) => {
  const created = await ctx.app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(ctx.mine.admin), payload })
  if (created.statusCode !== 201) throw new Error(`source not created: ${created.body}`)
  return created.json() as SourceBody
}

t.test('a streaming source the worker cannot read: the API says it is read, and why it cannot stream; another workspace sees none of it', async (t) => {
  const ctx = await buildTestApp(t)
  // A Mastodon source without a user's token: the reader holds it and says why it cannot stream.
  const source = await create(ctx, { name: 'Piaille live', network: 'mastodon', baseUrl: 'https://piaille.example', settings: { streaming: 'on' } })
  t.same(source.streaming, { enabled: true, reading: false, lastEventAt: null, lagSeconds: null, lastError: null }, 'before any reader: enabled, not read')

  const worker = startStreamWorker({ db: ctx.database.db, policy: LOCAL_POLICY, log: silentLog, secrets: TEST_SECRETS, options: { leaseMs: 600 } })
  t.teardown(() => worker.stop())
  await waitFor(async () => ((await getSource(ctx, source.id)).json() as SourceBody).streaming?.lastError != null, 20_000, 'the error to show')
  const shown = (await getSource(ctx, source.id)).json() as SourceBody
  t.equal(shown.streaming?.enabled, true)
  t.equal(shown.streaming?.reading, true, 'a process holds it')
  t.match(shown.streaming?.lastError?.message, /access token of a user account/, 'the reason, for a person')
  t.ok(Date.parse(shown.streaming!.lastError!.at) > Date.now() - 60_000, 'with its time')
  const listed = (await ctx.app.inject({ url: '/v1/sources', headers: bearer(ctx.mine.read) })).json() as { items: SourceBody[] }
  t.same(listed.items.find((item) => item.id === source.id)?.streaming, shown.streaming, 'the list shows the same state')

  const theirs = await getSource(ctx, source.id, ctx.theirs.admin)
  t.equal(theirs.statusCode, 404, "another workspace's key does not find the source")
  t.notMatch(theirs.body, /access token|piaille/i, 'and learns nothing of its stream')
  t.same((await ctx.app.inject({ url: '/v1/sources', headers: bearer(ctx.theirs.admin) })).json().items, [], 'nor lists it')
  t.equal((await patch(ctx, source.id, { streaming: false }, ctx.theirs.admin)).statusCode, 404, 'nor turns it off')
  t.same(worker.reading(), [source.id], 'the source is still read')

  t.equal((await patch(ctx, source.id, { streaming: false }, ctx.mine.write)).statusCode, 403, 'a write key may not turn it off')
  const off = await patch(ctx, source.id, { streaming: false })
  t.equal(off.statusCode, 200)
  t.equal((off.json() as SourceBody).settings.streaming, 'off')
  t.equal((off.json() as SourceBody).streaming?.enabled, false)
  await waitFor(async () => worker.reading().length === 0, 20_000, 'the worker to let the source go')
  await waitFor(async () => ((await getSource(ctx, source.id)).json() as SourceBody).streaming?.reading === false, 20_000, 'the lease to be handed back')

  const on = await patch(ctx, source.id, { streaming: true })
  t.equal((on.json() as SourceBody).streaming?.enabled, true)
  await waitFor(async () => worker.reading().length === 1, 20_000, 'the worker to read the source again')
})

t.test('a Bluesky stream whose instance cannot be reached says so with the source, and names the instance', async (t) => {
  const ctx = await buildTestApp(t)
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()))
  const { port } = closed.address() as AddressInfo
  await new Promise<void>((resolve) => closed.close(() => resolve()))
  const source = await create(ctx, { name: 'Bluesky live', network: 'bluesky', settings: { streaming: 'on', jetstreamUrl: `ws://127.0.0.1:${port}/subscribe` } })
  const worker = startStreamWorker({ db: ctx.database.db, policy: LOCAL_POLICY, log: silentLog, secrets: TEST_SECRETS, options: { leaseMs: 600, reconnectMs: 50, reconnectMaxMs: 200 } })
  t.teardown(() => worker.stop())
  await waitFor(async () => ((await getSource(ctx, source.id)).json() as SourceBody).streaming?.lastError != null, 20_000, 'the error to show')
  const shown = ((await getSource(ctx, source.id)).json() as SourceBody).streaming!
  t.equal(shown.reading, true, 'a process holds it and keeps trying')
  t.match(shown.lastError?.message, new RegExp(`live stream at 127\\.0\\.0\\.1:${port} could not be read`), 'the instance, for a person')
  t.ok(Date.parse(shown.lastError!.at) > Date.now() - 60_000, 'with its time')
})

t.test('the last stored event and the lag come from the stream\'s cursor', async (t) => {
  const ctx = await buildTestApp(t)
  const source = await create(ctx, { name: 'Bluesky live', network: 'bluesky', settings: { streaming: 'on' } })
  const eventAt = new Date(Date.now() - 90_000)
  // As a reader leaves it: the time of the last stored event (µs), its lease held by a process.
  await ctx.database.db.insertInto('stream_leases').values({ source_id: source.id, workspace_id: ctx.mine.id, holder: 'elsewhere:1', expires_at: new Date(Date.now() + 3_600_000), cursor_us: eventAt.getTime() * 1000 }).execute()
  const shown = ((await getSource(ctx, source.id)).json() as SourceBody).streaming!
  t.equal(shown.lastEventAt, eventAt.toISOString())
  t.equal(shown.reading, true)
  t.ok(shown.lagSeconds !== null && shown.lagSeconds >= 90 && shown.lagSeconds < 3600, `lag ${shown.lagSeconds} s: now minus the last event`)
  t.equal(shown.lastError, null)

  const off = ((await patch(ctx, source.id, { streaming: false })).json() as SourceBody).streaming!
  t.equal(off.lagSeconds, null, 'no lag for a source not streamed')
  t.equal(off.reading, false)
  t.equal(off.lastEventAt, eventAt.toISOString(), 'where its stream stopped stays visible')
})

t.test('what cannot change is refused as problem+json', async (t) => {
  const ctx = await buildTestApp(t)
  const reddit = await create(ctx, { name: 'R', network: 'reddit', credentials: { clientId: 'id', clientSecret: 'secret' } })
  t.equal(reddit.streaming, null, 'a network without a live stream has no streaming state')
  const bluesky = await create(ctx, { name: 'B', network: 'bluesky' })
  t.same(bluesky.streaming, { enabled: false, reading: false, lastEventAt: null, lagSeconds: null, lastError: null }, 'a Bluesky source is not streamed unless asked')

  const refused = await patch(ctx, reddit.id, { streaming: true })
  t.equal(refused.statusCode, 422)
  t.match(refused.headers['content-type'], /application\/problem\+json/)
  t.match(refused.json(), { code: 'unprocessable', detail: /reddit source has no live stream/ })
  for (const payload of [{ streaming: 'off' }, {}, { streaming: false, credentials: { accessToken: 'x' } }]) {
    const invalid = await patch(ctx, bluesky.id, payload)
    t.equal(invalid.statusCode, 400, JSON.stringify(payload))
    t.match(invalid.headers['content-type'], /application\/problem\+json/)
    t.equal(invalid.json().code, 'validation_failed')
  }
  t.equal((await patch(ctx, '00000000-0000-4000-8000-000000000000', { streaming: false })).statusCode, 404)
  t.equal((await patch(ctx, 'not-an-id', { streaming: false })).statusCode, 404)
  t.equal(((await getSource(ctx, bluesky.id)).json() as SourceBody).settings.streaming, undefined, 'nothing changed')
})
