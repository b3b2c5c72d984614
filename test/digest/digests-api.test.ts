import t from 'tap'
import { bearer, buildTestApp, type TestWorkspace } from '../helpers/app.ts'
import type { FastifyInstance } from 'fastify'

type Tap = Pick<typeof t, 'equal'>

async function createTopic(t: Tap, app: FastifyInstance, ws: TestWorkspace, name = 'Vélo') {
  const res = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ws.write), payload: { name, query: '#velo OR vélotaf' } })
  t.equal(res.statusCode, 201, res.body)
  return res.json<{ id: string }>().id
}

t.test('a subscription is created, listed, changed and deleted, with its next send in its own time zone', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const topicId = await createTopic(t, app, mine)
  const created = await app.inject({
    method: 'POST', url: '/v1/digests', headers: bearer(mine.write),
    payload: { topicId, recipients: ['com@velocite.example', 'direction@velocite.example'], weekday: 'monday', hour: 8, timeZone: 'Europe/Paris', language: 'fr' },
  })
  t.equal(created.statusCode, 201, created.body)
  const digest = created.json()
  t.match(digest, { topicId, recipients: ['com@velocite.example', 'direction@velocite.example'], weekday: 'monday', hour: 8, timeZone: 'Europe/Paris', language: 'fr', refusedRecipients: [], lastDelivery: null })
  const next = new Date(digest.nextSendAt)
  t.ok(next.getTime() > Date.now(), 'the next send is ahead')
  const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next)
  t.equal(paris, 'Monday 08:00', 'next send is Monday 08:00 in Paris')

  const listed = await app.inject({ method: 'GET', url: `/v1/digests?topicId=${topicId}`, headers: bearer(mine.read) })
  t.equal(listed.statusCode, 200)
  t.same(listed.json().items.map((d: { id: string }) => d.id), [digest.id])

  const changed = await app.inject({ method: 'PATCH', url: `/v1/digests/${digest.id}`, headers: bearer(mine.write), payload: { weekday: 'friday', hour: 17, language: 'en', recipients: ['com@velocite.example'] } })
  t.equal(changed.statusCode, 200, changed.body)
  t.match(changed.json(), { weekday: 'friday', hour: 17, language: 'en', recipients: ['com@velocite.example'] })

  const deleted = await app.inject({ method: 'DELETE', url: `/v1/digests/${digest.id}`, headers: bearer(mine.write) })
  t.equal(deleted.statusCode, 204)
  t.equal((await app.inject({ method: 'GET', url: `/v1/digests/${digest.id}`, headers: bearer(mine.read) })).statusCode, 404)
})

t.test('bad input is refused with the field named', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const topicId = await createTopic(t, app, mine)
  const cases = [
    { payload: { topicId, recipients: ['not-an-address'] }, field: 'recipients' },
    { payload: { topicId, recipients: ['a@b.example'], timeZone: 'Mars/Olympus' }, field: 'timeZone' },
    { payload: { topicId, recipients: ['a@b.example'], hour: 24 }, field: 'hour' },
    { payload: { topicId, recipients: ['a@b.example'], language: 'de' }, field: 'language' },
    { payload: { topicId, recipients: ['a@b.example', 'A@b.example'] }, field: 'recipients' },
  ]
  for (const c of cases) {
    const res = await app.inject({ method: 'POST', url: '/v1/digests', headers: bearer(mine.write), payload: c.payload })
    t.equal(res.statusCode, 400, JSON.stringify(c.payload))
    t.match(JSON.stringify(res.json().errors), c.field)
  }
})

t.test('another workspace sees none of it, and cannot subscribe to a topic it does not own', async (t) => {
  const { app, mine, theirs } = await buildTestApp(t)
  const topicId = await createTopic(t, app, mine)
  const created = await app.inject({ method: 'POST', url: '/v1/digests', headers: bearer(mine.write), payload: { topicId, recipients: ['a@b.example'] } })
  const id = created.json().id
  for (const [method, url] of [['GET', `/v1/digests/${id}`], ['PATCH', `/v1/digests/${id}`], ['DELETE', `/v1/digests/${id}`], ['GET', `/v1/digests/${id}/preview`], ['GET', `/v1/digests/${id}/deliveries`]] as const) {
    const res = await app.inject({ method, url, headers: bearer(theirs.admin), ...(method === 'PATCH' && { payload: { hour: 3 } }) })
    t.equal(res.statusCode, 404, `${method} ${url}`)
  }
  t.same((await app.inject({ method: 'GET', url: '/v1/digests', headers: bearer(theirs.read) })).json().items, [])
  const stolen = await app.inject({ method: 'POST', url: '/v1/digests', headers: bearer(theirs.write), payload: { topicId, recipients: ['a@b.example'] } })
  t.equal(stolen.statusCode, 404)
  t.equal((await app.inject({ method: 'POST', url: '/v1/digests', headers: bearer(mine.read), payload: { topicId, recipients: ['a@b.example'] } })).statusCode, 403, 'read keys cannot subscribe')
})

t.test('the preview is the HTML (or text) of the email, for a topic with no data yet', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const topicId = await createTopic(t, app, mine, 'Cyclisme <urbain> & "co"')
  const id = (await app.inject({ method: 'POST', url: '/v1/digests', headers: bearer(mine.write), payload: { topicId, recipients: ['a@b.example'], language: 'fr' } })).json().id
  const html = await app.inject({ method: 'GET', url: `/v1/digests/${id}/preview`, headers: bearer(mine.read) })
  t.equal(html.statusCode, 200)
  t.match(html.headers['content-type'], /^text\/html/)
  t.match(html.body, /^<!DOCTYPE html>/)
  t.match(html.body, 'Cyclisme &lt;urbain&gt; &amp; &quot;co&quot;', 'the topic name is escaped')
  t.match(html.body, 'La semaine en chiffres')
  t.notMatch(html.body, /<script|<img|<link /i, 'no script, image or stylesheet link')
  const text = await app.inject({ method: 'GET', url: `/v1/digests/${id}/preview?part=text`, headers: bearer(mine.read) })
  t.match(text.headers['content-type'], /^text\/plain/)
  t.match(text.body, 'Cyclisme <urbain> & "co"')
  t.match(text.body, 'LA SEMAINE EN CHIFFRES')
})
