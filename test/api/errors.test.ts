import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.ts'

const topic = { name: 'Rust', query: '#rustlang' }

t.test('bad JSON is a problem+json 400', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const res = await app.inject({ method: 'POST', url: '/v1/topics', headers: { ...bearer(mine.write), 'content-type': 'application/json' }, payload: '{"name": "x",' })
  t.equal(res.statusCode, 400)
  t.equal(res.headers['content-type'], 'application/problem+json')
  t.match(res.json(), { code: 'invalid_json', status: 400, title: String, detail: /JSON/, requestId: String, type: /^https:/ })
})

t.test('an oversized body is a 413 and nothing is saved', async (t) => {
  const { app, mine } = await buildTestApp(t, { bodyLimit: 2048 })
  const res = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { ...topic, query: 'x '.repeat(2000) } })
  t.equal(res.statusCode, 413)
  t.equal(res.json().code, 'body_too_large')
  t.same((await app.inject({ url: '/v1/topics', headers: bearer(mine.read) })).json().items, [])
})

t.test('an unknown field is refused by name', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const res = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { ...topic, colour: 'blue' } })
  t.equal(res.statusCode, 400)
  t.match(res.json(), { code: 'validation_failed', detail: /colour/ })
})

t.test('wrong types are named field by field', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const res = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { name: 12, query: '#x', languages: ['french'] } })
  t.equal(res.statusCode, 400)
  const paths = res.json().errors.map((e: { path: string }) => e.path)
  t.ok(paths.includes('body.name'), 'name is reported')
  t.ok(paths.some((p: string) => p.startsWith('body.languages')), 'languages is reported')
})

t.test('a body that is not JSON is a 415', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const res = await app.inject({ method: 'POST', url: '/v1/topics', headers: { ...bearer(mine.write), 'content-type': 'text/plain' }, payload: 'name=x' })
  t.equal(res.statusCode, 415)
  t.equal(res.json().code, 'unsupported_media_type')
})

t.test('an unknown route is a problem+json 404', async (t) => {
  const { app } = await buildTestApp(t)
  const res = await app.inject({ url: '/v1/nothing-here' })
  t.equal(res.statusCode, 404)
  t.equal(res.json().code, 'not_found')
})

t.test('every response carries a request id, and a client id is echoed back', async (t) => {
  const { app } = await buildTestApp(t)
  const res = await app.inject({ url: '/v1/topics', headers: { 'x-request-id': 'trace-42' } })
  t.equal(res.headers['x-request-id'], 'trace-42')
  t.equal(res.json().requestId, 'trace-42')
})
