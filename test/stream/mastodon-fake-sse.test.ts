// The fake instance's server-sent events stream, as a client reading SSE would see it: 401 without
// a user's token; with one, the heartbeat comment and each status posted on the tag as an `update`
// whose data is the status as the REST API renders it; a delete as the bare id.
import t from 'tap'
import { TAG, USER_TOKEN, post, startStreamingInstance } from './fixtures/mastodon-setup.ts'

async function readUntil(body: ReadableStreamDefaultReader<Uint8Array>, done: (text: string) => boolean): Promise<string> {
  const decoder = new TextDecoder()
  let text = ''
  while (!done(text)) {
    const chunk = await body.read()
    if (chunk.done) break
    text += decoder.decode(chunk.value, { stream: true })
  }
  return text
}

t.test('SSE hashtag stream of the fake instance', async (t) => {
  const fake = await startStreamingInstance()
  t.teardown(() => fake.close())
  const url = `${fake.url}/api/v1/streaming/hashtag?tag=${TAG}`

  const anonymous = await fetch(url)
  t.equal(anonymous.status, 401, 'no token: 401')
  await anonymous.body?.cancel()

  const abort = new AbortController()
  t.teardown(() => abort.abort())
  const res = await fetch(url, { headers: { authorization: `Bearer ${USER_TOKEN}` }, signal: abort.signal })
  t.equal(res.status, 200, 'a user token: the stream opens')
  t.equal(res.headers.get('content-type'), 'text/event-stream', 'as server-sent events')
  const reader = res.body!.getReader()
  t.match(await readUntil(reader, (text) => text.includes(':thump')), /:thump\n/, 'the heartbeat comes')

  const id = post(fake, `Hello #${TAG}`)
  post(fake, 'Not on the tag #other')
  fake.state.deleteStatus(id)
  const text = await readUntil(reader, (seen) => seen.includes('event: delete'))
  const events = [...text.matchAll(/event: (\S+)\ndata: (.*)\n\n/g)].map(([, event, data]) => ({ event, data }))
  t.same(events.map((e) => e.event), ['update', 'delete'], 'one update for the status on the tag, then its delete; nothing for the other tag')
  const status = JSON.parse(events[0].data) as { id: string; tags: { name: string }[] }
  t.equal(status.id, id, 'the update carries the status')
  t.same(status.tags.map((tag) => tag.name), [TAG], 'with its tags')
  t.equal(events[1].data, id, 'the delete carries the bare id')
})
