import t from 'tap'
import { z } from 'zod'
import { BLUESKY_SANDBOX_IDENTIFIER, BLUESKY_SANDBOX_PASSWORD } from '../../src/simulation/sandbox/index.ts'
import { parseLink, statusSchema } from './fixtures/mastodon-schemas.ts'
import { searchPostsSchema, sessionSchema } from './fixtures/bluesky-schemas.ts'
import { get, smallSandbox, withServer } from './fixtures/sandbox-server.ts'

const data = smallSandbox()

t.test('advance reveals the posts generated after now, for incremental collection', async (t) => {
  const server = await withServer()
  t.teardown(() => server.close())
  const timeline = `${server.mastodonUrl('piaille.sandbox.example')}/api/v1/timelines/tag/velo?limit=40`
  const first = await get(timeline)
  const newest = z.array(statusSchema).parse(first.body)[0]
  t.ok(Date.parse(newest.created_at) <= data.now.getTime(), 'nothing from the future is served')
  const prev = parseLink(first.headers.get('link')).prev!
  t.same((await get(prev.toString())).body, [], 'polling with min_id finds nothing new yet')

  server.advance(data.futureHours)
  t.equal(server.now().getTime(), data.now.getTime() + data.futureHours * 3_600_000)
  const fresh = z.array(statusSchema).parse((await get(prev.toString())).body)
  t.ok(fresh.length > 0, `${fresh.length} new #velo posts after advancing`)
  t.ok(fresh.every((s) => BigInt(s.id) > BigInt(newest.id) && Date.parse(s.created_at) > data.now.getTime()))

  const login = await fetch(`${server.blueskyPdsUrl}/xrpc/com.atproto.server.createSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: BLUESKY_SANDBOX_IDENTIFIER, password: BLUESKY_SANDBOX_PASSWORD }),
  })
  const { accessJwt } = sessionSchema.parse(await login.json())
  const since = data.now.toISOString()
  const search = searchPostsSchema.parse((await get(`${server.blueskyPdsUrl}/xrpc/app.bsky.feed.searchPosts?q=%23rustlang&since=${since}&limit=100`, { headers: { authorization: `Bearer ${accessJwt}` } })).body)
  t.ok(search.posts.length > 0 && search.posts.every((p) => p.record.createdAt > since), 'Bluesky search sees the new posts too')
})
