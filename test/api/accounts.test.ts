import t from 'tap'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { handleOf, plantNetwork, PLANTED_NOW } from '../helpers/planted-network.ts'

t.test('an account shows its profile, its scores per topic with history, and its recent on-topic posts', async (t) => {
  const { app, database, mine, theirs } = await buildTestApp(t)
  const { topicId } = await plantNetwork(database.db, mine.id)
  await scoreTopic(database.db, topicId, { now: PLANTED_NOW })
  await scoreTopic(database.db, topicId, { now: new Date(PLANTED_NOW.getTime() + 3_600_000) })
  const top = (await app.inject({ url: `/v1/topics/${topicId}/influencers?limit=1`, headers: bearer(mine.read) })).json().items[0]
  const res = await app.inject({ url: `/v1/accounts/${top.account.id}`, headers: bearer(mine.read) })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.match(body.account, { handle: handleOf('H'), network: 'mastodon', displayName: 'H' })
  t.equal(body.topics.length, 1)
  t.match(body.topics[0], { topicId, topicName: 'Vélo', latest: { influenceRank: 1, influence: 100, components: { topicPosts: 3 } } })
  t.equal(body.topics[0].history.length, 2, 'both snapshots')
  t.ok(body.topics[0].history[0].computedAt > body.topics[0].history[1].computedAt, 'newest first')
  t.equal(body.recentPosts.length, 3)
  t.ok(body.recentPosts.every((p: { topicIds: string[]; text: string }) => p.topicIds.includes(topicId) && /v[ée]lo/i.test(p.text)))

  const foreign = await app.inject({ url: `/v1/accounts/${top.account.id}`, headers: bearer(theirs.admin) })
  t.equal(foreign.statusCode, 404, 'an account seen only through another workspace\'s topics does not exist for this one')
  t.notMatch(foreign.body, 'test.example')
  t.equal((await app.inject({ url: '/v1/accounts/abc', headers: bearer(mine.read) })).statusCode, 404)
  t.equal((await app.inject({ url: '/v1/accounts/999999999', headers: bearer(mine.read) })).statusCode, 404)
})
