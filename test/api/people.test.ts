import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { PLANTED_NOW, plantNetwork } from '../helpers/planted-network.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'

// A workspace admin erases a person from their workspace; another workspace that holds the same
// person keeps them until it erases them too, and then nothing is left anywhere.

const HUB = /H@test\.example/

t.test('a workspace admin erases a person from the workspace; another workspace keeps its view until it does the same', async (t) => {
  const { app, database, mine, theirs } = await buildTestApp(t)
  const { db } = database
  const topics = { mine: (await plantNetwork(db, mine.id)).topicId, theirs: (await plantNetwork(db, theirs.id)).topicId }
  for (const topicId of Object.values(topics)) await scoreTopic(db, topicId, { now: PLANTED_NOW })
  const shown = async (key: string, topicId: string) => {
    let text = ''
    for (const what of ['influencers?limit=100', 'relays?limit=100', 'mentions?limit=100']) text += (await app.inject({ url: `/v1/topics/${topicId}/${what}`, headers: bearer(key) })).body
    return text
  }
  t.match(await shown(mine.read, topics.mine), HUB)

  const access = await app.inject({ url: '/v1/people/mastodon/H@test.example', headers: bearer(mine.admin) })
  t.equal(access.statusCode, 200)
  t.equal(access.json().posts.length, 3, 'subject access lists the three posts of this workspace, not the other\'s')
  t.equal((await app.inject({ url: '/v1/people/mastodon/H@test.example', headers: bearer(mine.write) })).statusCode, 403, 'admin only')
  t.equal((await app.inject({ method: 'DELETE', url: '/v1/people/mastodon/H@test.example', headers: bearer(mine.write) })).statusCode, 403, 'admin only')

  const erased = await app.inject({ method: 'DELETE', url: '/v1/people/mastodon/H@test.example', headers: bearer(mine.admin) })
  t.equal(erased.statusCode, 204)
  t.notMatch(await shown(mine.read, topics.mine), HUB, 'gone from the workspace\'s rankings and mentions')
  t.equal((await app.inject({ url: '/v1/people/mastodon/H@test.example', headers: bearer(mine.admin) })).json().posts.length, 0)
  t.match(await shown(theirs.read, topics.theirs), HUB, 'the other workspace still sees the person')
  t.ok(await db.selectFrom('accounts').select('id').where('external_id', '=', 'H@test.example').executeTakeFirst(), 'the shared profile stays while another workspace holds it')

  t.equal((await app.inject({ method: 'DELETE', url: '/v1/people/mastodon/H@test.example', headers: bearer(theirs.admin) })).statusCode, 204)
  t.notMatch(await shown(theirs.read, topics.theirs), HUB)
  t.equal(await db.selectFrom('accounts').select('id').where('external_id', '=', 'H@test.example').executeTakeFirst(), undefined, 'held by no workspace: erased everywhere')
  const posts = await db.selectFrom('posts').innerJoin('accounts', 'accounts.id', 'posts.author_id').select('posts.id').where('accounts.external_id', '=', 'H@test.example').execute()
  t.same(posts, [])
  t.equal((await app.inject({ method: 'DELETE', url: '/v1/people/mastodon/nobody@test.example', headers: bearer(theirs.admin) })).statusCode, 204, 'an unknown person answers the same')
  t.equal((await app.inject({ method: 'DELETE', url: '/v1/people/Not%20A%20Network/x', headers: bearer(theirs.admin) })).statusCode, 400)
})
