import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { addMembership, createPerson } from '../../src/tenancy/people/people.ts'

const PASSWORD = 'correct horse battery'

async function signIn(app: FastifyInstance, email: string) {
  const res = await app.inject({ method: 'POST', url: '/v1/session', payload: { email, password: PASSWORD } })
  return { cookie: String(res.headers['set-cookie']).split(';')[0], csrf: res.json().csrfToken as string }
}

t.test('an admin lists members, changes a role (applied to open sessions at once) and removes a member (signed out of the workspace)', async (t) => {
  const { app, database, mine, theirs } = await buildTestApp(t)
  const { db } = database
  const tag = Math.random().toString(36).slice(2)
  const owner = await createPerson(db, { email: `owner-${tag}@example.org`, name: 'Owner', password: PASSWORD })
  const ed = await createPerson(db, { email: `ed-${tag}@example.org`, name: 'Ed', password: PASSWORD })
  await addMembership(db, owner.id, mine.id, 'admin')
  await addMembership(db, ed.id, mine.id, 'editor')

  const listed = await app.inject({ url: '/v1/members', headers: bearer(mine.admin) })
  t.equal(listed.statusCode, 200)
  t.same(listed.json().items.map((m: { name: string; role: string; email: string }) => [m.name, m.role, m.email]), [['Ed', 'editor', `ed-${tag}@example.org`], ['Owner', 'admin', `owner-${tag}@example.org`]])
  t.same((await app.inject({ url: '/v1/members', headers: bearer(theirs.admin) })).json().items, [], 'another workspace sees none of them')
  t.equal((await app.inject({ url: '/v1/members', headers: bearer(mine.write) })).statusCode, 403, 'members are for admins')

  const session = await signIn(app, `ed-${tag}@example.org`)
  const write = () => app.inject({ method: 'POST', url: '/v1/topics', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { name: `T ${Math.random()}`, query: 'velo' } })
  t.equal((await write()).statusCode, 201, 'an editor writes')
  const demoted = await app.inject({ method: 'PATCH', url: `/v1/members/${ed.id}`, headers: bearer(mine.admin), payload: { role: 'viewer' } })
  t.equal(demoted.statusCode, 200)
  t.match(demoted.json(), { personId: ed.id, role: 'viewer' })
  t.equal((await write()).statusCode, 403, 'the open session has the new role at once')
  t.equal((await app.inject({ method: 'PATCH', url: `/v1/members/${ed.id}`, headers: bearer(theirs.admin), payload: { role: 'admin' } })).statusCode, 404, 'another workspace cannot touch the member')

  const last = await app.inject({ method: 'PATCH', url: `/v1/members/${owner.id}`, headers: bearer(mine.admin), payload: { role: 'editor' } })
  t.equal(last.statusCode, 409)
  t.match(last.json().detail, /last admin/)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/members/${owner.id}`, headers: bearer(mine.admin) })).statusCode, 409, 'nor removed')

  t.equal((await app.inject({ method: 'DELETE', url: `/v1/members/${ed.id}`, headers: bearer(mine.admin) })).statusCode, 204)
  t.equal((await app.inject({ url: '/v1/topics', headers: { cookie: session.cookie } })).statusCode, 401, 'the removed member\'s session ends')
  t.same((await app.inject({ url: '/v1/members', headers: bearer(mine.admin) })).json().items.map((m: { name: string }) => m.name), ['Owner'])
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/members/${ed.id}`, headers: bearer(mine.admin) })).statusCode, 404)
})
