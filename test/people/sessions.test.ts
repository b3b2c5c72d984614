import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { addMembership, createPerson } from '../../src/tenancy/people/people.ts'
import { createLink } from '../../src/tenancy/people/links.ts'

const PASSWORD = 'correct horse battery'

/** Signs in through the API as a browser would; returns the cookie and CSRF token to send back. */
async function signIn(app: FastifyInstance, email: string, password = PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/v1/session', payload: { email, password } })
  const setCookie = String(res.headers['set-cookie'] ?? '')
  const cookie = setCookie.split(';')[0]
  return { res, setCookie, cookie, csrf: res.statusCode === 200 ? (res.json().csrfToken as string) : '' }
}

async function member(t: { teardown(fn: () => unknown): void }, role: 'viewer' | 'editor' | 'admin') {
  const test = await buildTestApp(t)
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.org`
  const person = await createPerson(test.database.db, { email, name: `A ${role}`, password: PASSWORD })
  await addMembership(test.database.db, person.id, test.mine.id, role)
  return { ...test, email, person }
}

t.test('signing in sets an HttpOnly, SameSite cookie that reads the workspace with the role\'s scope', async (t) => {
  const { app, email, mine } = await member(t, 'editor')
  const { res, setCookie, cookie } = await signIn(app, email.toUpperCase())
  t.equal(res.statusCode, 200)
  t.match(setCookie, /^relais_session=[A-Za-z0-9_-]{43};/)
  t.match(setCookie, /HttpOnly/)
  t.match(setCookie, /SameSite=Lax/)
  t.notMatch(setCookie, /Secure/, 'not Secure over plain http')
  t.match(res.json(), { person: { email }, workspace: { id: mine.id, name: 'Mine' }, role: 'editor', topicId: null })
  const topics = await app.inject({ url: '/v1/topics', headers: { cookie } })
  t.equal(topics.statusCode, 200)
  t.same(topics.json().items, [])
  const secure = await app.inject({ method: 'POST', url: '/v1/session', headers: { 'x-forwarded-proto': 'https' }, payload: { email, password: PASSWORD } })
  t.match(String(secure.headers['set-cookie']), /Secure/, 'Secure behind https')
})

t.test('a wrong password or unknown email is a 401 with no cookie', async (t) => {
  const { app, email } = await member(t, 'viewer')
  for (const [who, password] of [[email, 'wrong password!'], ['nobody@example.org', PASSWORD]]) {
    const { res } = await signIn(app, who, password)
    t.equal(res.statusCode, 401)
    t.equal(res.headers['set-cookie'], undefined)
  }
})

t.test('a cookie-authenticated write needs the CSRF token header and this origin', async (t) => {
  const { app, email } = await member(t, 'editor')
  const { cookie, csrf } = await signIn(app, email)
  const payload = { name: 'Florists', query: 'flowers' }
  const without = await app.inject({ method: 'POST', url: '/v1/topics', headers: { cookie }, payload })
  t.equal(without.statusCode, 403)
  t.match(without.json().detail, /CSRF token/)
  const wrong = await app.inject({ method: 'POST', url: '/v1/topics', headers: { cookie, 'x-csrf-token': 'x'.repeat(csrf.length) }, payload })
  t.equal(wrong.statusCode, 403)
  const foreign = await app.inject({ method: 'POST', url: '/v1/topics', headers: { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' }, payload })
  t.equal(foreign.statusCode, 403)
  t.match(foreign.json().detail, /another site/)
  t.equal((await app.inject({ url: '/v1/topics', headers: { cookie } })).json().items.length, 0, 'nothing was created by the refused writes')
  const ok = await app.inject({ method: 'POST', url: '/v1/topics', headers: { cookie, 'x-csrf-token': csrf, origin: 'http://localhost:80' }, payload })
  t.equal(ok.statusCode, 201)
  t.equal(ok.json().name, 'Florists')
})

t.test('a viewer reads but is refused a write; an admin manages keys', async (t) => {
  const viewer = await member(t, 'viewer')
  const v = await signIn(viewer.app, viewer.email)
  const refused = await viewer.app.inject({ method: 'POST', url: '/v1/topics', headers: { cookie: v.cookie, 'x-csrf-token': v.csrf }, payload: { name: 'x', query: 'x' } })
  t.equal(refused.statusCode, 403)
  t.match(refused.json().detail, /role \(viewer\)/)
  t.equal((await viewer.app.inject({ url: '/v1/keys', headers: { cookie: v.cookie } })).statusCode, 403, 'keys are for admins')

  const admin = await member(t, 'admin')
  const a = await signIn(admin.app, admin.email)
  const headers = { cookie: a.cookie, 'x-csrf-token': a.csrf }
  const created = await admin.app.inject({ method: 'POST', url: '/v1/keys', headers, payload: { name: 'CRM', scopes: ['read'] } })
  t.equal(created.statusCode, 201)
  const { key, id } = created.json()
  t.equal((await admin.app.inject({ url: '/v1/topics', headers: bearer(key) })).statusCode, 200, 'the new key works')
  const listed = (await admin.app.inject({ url: '/v1/keys', headers })).json().items
  t.ok(listed.some((k: { id: string; name: string; key?: string }) => k.id === id && k.name === 'CRM' && k.key === undefined), 'listed without its secret')
  t.equal((await admin.app.inject({ method: 'DELETE', url: `/v1/keys/${id}`, headers })).statusCode, 204)
  t.equal((await admin.app.inject({ url: '/v1/topics', headers: bearer(key) })).statusCode, 401, 'the revoked key is refused')
  t.equal((await admin.app.inject({ method: 'DELETE', url: `/v1/keys/${id}`, headers })).statusCode, 404)
  const theirs = await admin.app.inject({ method: 'DELETE', url: `/v1/keys/${id}`, headers: bearer(admin.theirs.admin) })
  t.equal(theirs.statusCode, 404, 'another workspace cannot see the key')
})

t.test('an expired session is refused', async (t) => {
  const { app, database, email } = await member(t, 'viewer')
  const { cookie } = await signIn(app, email)
  t.equal((await app.inject({ url: '/v1/session', headers: { cookie } })).statusCode, 200)
  await database.db.updateTable('web_sessions').set({ expires_at: new Date(Date.now() - 1000) }).execute()
  const res = await app.inject({ url: '/v1/topics', headers: { cookie } })
  t.equal(res.statusCode, 401)
  t.match(res.json().detail, /session has ended/)
})

t.test('sign-out ends this session; sign-out everywhere ends all of the person\'s', async (t) => {
  const { app, email } = await member(t, 'viewer')
  const first = await signIn(app, email)
  const second = await signIn(app, email)
  const third = await signIn(app, email)
  const out = await app.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie: first.cookie, 'x-csrf-token': first.csrf } })
  t.equal(out.statusCode, 204)
  t.match(String(out.headers['set-cookie']), /relais_session=;/, 'the cookie is cleared')
  t.equal((await app.inject({ url: '/v1/topics', headers: { cookie: first.cookie } })).statusCode, 401)
  t.equal((await app.inject({ url: '/v1/topics', headers: { cookie: second.cookie } })).statusCode, 200, 'other browsers stay signed in')
  t.equal((await app.inject({ method: 'DELETE', url: '/v1/session/all', headers: { cookie: second.cookie, 'x-csrf-token': second.csrf } })).statusCode, 204)
  t.equal((await app.inject({ url: '/v1/topics', headers: { cookie: third.cookie } })).statusCode, 401)
})

t.test('an invitation link makes a member once; a revoked one makes none', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const invite = await app.inject({ method: 'POST', url: '/v1/invitations', headers: bearer(mine.admin), payload: { role: 'editor' } })
  t.equal(invite.statusCode, 201)
  const token = String(invite.json().url).split('#')[1]
  const payload = { token, email: 'new@example.org', name: 'New Person', password: PASSWORD }
  const accepted = await app.inject({ method: 'POST', url: '/v1/invitations/accept', payload })
  t.equal(accepted.statusCode, 200)
  t.match(accepted.json(), { role: 'editor', workspace: { id: mine.id }, person: { email: 'new@example.org' } })
  t.equal((await app.inject({ method: 'POST', url: '/v1/invitations/accept', payload: { ...payload, email: 'other@example.org' } })).statusCode, 422, 'used once only')

  const second = await app.inject({ method: 'POST', url: '/v1/invitations', headers: bearer(mine.admin), payload: { role: 'viewer' } })
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/invitations/${second.json().id}`, headers: bearer(mine.admin) })).statusCode, 204)
  const refused = await app.inject({ method: 'POST', url: '/v1/invitations/accept', payload: { ...payload, token: String(second.json().url).split('#')[1], email: 'late@example.org' } })
  t.equal(refused.statusCode, 422)
})

t.test('the setup link creates the first admin and workspace once', async (t) => {
  const { app, database } = await buildTestApp(t)
  await database.db.deleteFrom('people').execute()
  t.same((await app.inject({ url: '/v1/setup' })).json(), { needed: true })
  const link = await createLink(database.db, { purpose: 'setup' })
  const payload = { token: link.token, email: 'owner@example.org', name: 'Owner', password: PASSWORD, workspaceName: 'Flowers & Co' }
  const res = await app.inject({ method: 'POST', url: '/v1/setup', payload })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { role: 'admin', workspace: { name: 'Flowers & Co' }, person: { name: 'Owner' } })
  t.same((await app.inject({ url: '/v1/setup' })).json(), { needed: false })
  t.equal((await app.inject({ method: 'POST', url: '/v1/setup', payload })).statusCode, 422, 'the link works once')
})
