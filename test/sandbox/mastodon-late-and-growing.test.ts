import t from 'tap'
import { z } from 'zod'
import { PostKind } from '../../src/simulation/sandbox/types.ts'
import { mastodonStatusId } from '../../src/simulation/sandbox/ids.ts'
import { deliveryDelayMs } from '../../src/simulation/sandbox/server/arrival-and-growth.ts'
import { statusSchema } from './fixtures/mastodon-schemas.ts'
import { get, smallSandbox, withServer } from './fixtures/sandbox-server.ts'

// The demo's Mastodon instances behave as real ones after a post is written: its counts grow,
// and some remote posts arrive late with the older id their creation time gives them.
const data = smallSandbox()
const HOUR = 3_600_000
const countsSchema = z.object({ id: z.string(), uri: z.string(), favourites_count: z.number(), reblogs_count: z.number(), replies_count: z.number() })

t.test('a remote post delivered late is absent from the instance until it arrives, then served with its older id among posts already seen', async (t) => {
  const server = await withServer()
  t.teardown(() => server.close())
  const instance = 0
  const domain = data.instances[instance]
  const { posts, accounts } = data
  // A remote original on a tag, written in the sandbox's future, that reaches this instance late.
  let late = -1
  for (let i = 0; i < posts.count && late < 0; i++) {
    const author = accounts[posts.author[i]]
    if (posts.createdAt[i] <= data.now.getTime() + HOUR || posts.createdAt[i] > data.now.getTime() + 8 * HOUR) continue
    if (posts.kind[i] !== PostKind.original || author.network !== 'mastodon' || author.instance === domain || posts.tag0[i] < 0) continue
    const delay = deliveryDelayMs(data, i, instance)
    if (delay === 0) continue
    // A post of the instance's own on the same tag written while this one is in flight: a walk meets it first.
    const tagged = (j: number) => posts.tag0[j] === posts.tag0[i] || posts.tag1[j] === posts.tag0[i]
    for (let j = i + 1; j < posts.count && posts.createdAt[j] < posts.createdAt[i] + delay - 60_000; j++) {
      if (posts.kind[j] !== PostKind.repost && accounts[posts.author[j]].instance === domain && tagged(j)) late = i
    }
  }
  t.ok(late >= 0, 'the sandbox has late deliveries')
  const id = mastodonStatusId(posts.createdAt[late], instance)
  const tag = data.hashtags[posts.tag0[late]].toLowerCase()
  const base = server.mastodonUrl(domain)
  const knownOnInstance = (await get(`${base}/api/v1/statuses/${id}`)).status
  t.equal(knownOnInstance, 404, 'not written yet')

  // Just before it arrives: the tag timeline has moved on past its time, without it.
  server.advance((posts.createdAt[late] + deliveryDelayMs(data, late, instance) - 60_000 - data.now.getTime()) / HOUR)
  t.equal((await get(`${base}/api/v1/statuses/${id}`)).status, 404, 'written, but not delivered to this instance yet')
  const timeline = `${base}/api/v1/timelines/tag/${encodeURIComponent(tag)}`
  const around = `${timeline}?limit=5&max_id=${BigInt(id) + 1n}`
  const before = z.array(statusSchema).parse((await get(`${timeline}?limit=40`)).body)
  t.notOk(z.array(statusSchema).parse((await get(around)).body).some((s) => s.id === id), 'not in the tag timeline at its place')

  // After the delivery: there, with the id of its creation time, older than posts already served.
  server.advance(1 / 30)
  const arrived = await get(`${base}/api/v1/statuses/${id}`)
  t.equal(arrived.status, 200, 'delivered')
  t.equal(z.array(statusSchema).parse((await get(around)).body)[0]?.id, id, 'in the tag timeline now, at the place of its creation time')
  const newerSeen = before.filter((s) => BigInt(s.id) > BigInt(id))
  t.ok(newerSeen.length > 0, `it sorts behind ${newerSeen.length} statuses a walk had already read: a walk stopping at them would miss it`)
})

t.test('counts grow after a post is first read: replies and boosts as they are written, likes with age', async (t) => {
  const server = await withServer()
  t.teardown(() => server.close())
  const instance = 0
  const domain = data.instances[instance]
  const { posts, accounts } = data
  // A local original written in the last hour before now that ends with replies and likes.
  let post = -1
  for (let i = 0; i < posts.count && post < 0; i++) {
    if (posts.createdAt[i] > data.now.getTime() || posts.createdAt[i] < data.now.getTime() - HOUR) continue
    const author = accounts[posts.author[i]]
    if (posts.kind[i] === PostKind.original && author.instance === domain && posts.likes[i] - 2 * posts.reposts[i] - posts.replies[i] >= 5) post = i
  }
  t.ok(post >= 0, 'a fresh post that will be liked')
  const url = `${server.mastodonUrl(domain)}/api/v1/statuses/${mastodonStatusId(posts.createdAt[post], instance)}`
  const first = countsSchema.parse((await get(url)).body)
  server.advance(data.futureHours)
  const later = countsSchema.parse((await get(url)).body)
  t.ok(later.favourites_count > first.favourites_count, `likes grew: ${first.favourites_count} → ${later.favourites_count}`)
  t.ok(later.replies_count >= first.replies_count && later.reblogs_count >= first.reblogs_count)
  t.ok(first.favourites_count < posts.likes[post], 'the first read does not see the final count')
  // The replies count is the replies that exist by then: what the context shows.
  const context = z.object({ descendants: z.array(z.object({ in_reply_to_id: z.string().nullable() })) }).parse((await get(`${url}/context`)).body)
  t.ok(context.descendants.filter((d) => d.in_reply_to_id === later.id).length <= later.replies_count)
})
