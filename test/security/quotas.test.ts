// Quotas per workspace: what the operator set (or the defaults) bounds what a tenant creates,
// with a problem saying which quota; other workspaces are not affected; a tenant cannot raise them.
import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { DEFAULT_QUOTAS } from '../../src/tenancy/workspaces/quotas.ts'

t.test('topics, sources, webhooks, digests and their recipients stop at the workspace\'s quotas', async (t) => {
  const { app, database, mine, theirs } = await buildTestApp(t)
  await database.db.updateTable('workspaces').set({ quotas: { topics: 2, sources: 1, webhooks: 1, digests: 1, digestRecipients: 3 } }).where('id', '=', mine.id).execute()
  const post = (key: string, url: string, payload: object) => app.inject({ method: 'POST', url, headers: bearer(key), payload })
  const refusedFor = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, detail: RegExp) => {
    t.equal(res.statusCode, 409)
    t.match(res.headers['content-type'], /application\/problem\+json/)
    t.match(res.json(), { code: 'quota_exceeded', title: 'The workspace has reached one of its quotas', detail })
  }

  const topic = async (key: string, name: string) => post(key, '/v1/topics', { name, query: '#velo' })
  const first = (await topic(mine.write, 'Un')).json() as { id: string }
  t.equal((await topic(mine.write, 'Deux')).statusCode, 201)
  refusedFor(await topic(mine.write, 'Trois'), /at most 2 topics and has 2; this request would add 1\. Remove some first, or ask the operator to raise the quota\./)
  t.equal((await database.db.selectFrom('topics').select('id').where('workspace_id', '=', mine.id).execute()).length, 2, 'nothing was created')
  for (const name of ['Un', 'Deux', 'Trois']) t.equal((await topic(theirs.write, name)).statusCode, 201, `another workspace, on the defaults: ${name}`)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/topics/${first.id}`, headers: bearer(mine.write) })).statusCode, 204)
  t.equal((await topic(mine.write, 'Trois')).statusCode, 201, 'a place freed is a place to use')

  const source = (name: string) => post(mine.admin, '/v1/sources', { name, network: 'mastodon', baseUrl: 'https://piaille.example' })
  t.equal((await source('Piaille')).statusCode, 201)
  refusedFor(await source('Autre'), /at most 1 sources/)

  const webhook = () => post(mine.admin, '/v1/webhooks', { url: 'http://127.0.0.1:9/hooks', events: ['alert.created'] })
  t.equal((await webhook()).statusCode, 201)
  refusedFor(await webhook(), /at most 1 webhooks/)

  const topicId = (await database.db.selectFrom('topics').select('id').where('workspace_id', '=', mine.id).executeTakeFirstOrThrow()).id
  const digest = await post(mine.write, '/v1/digests', { topicId, recipients: ['a@relais.test', 'b@relais.test'] })
  t.equal(digest.statusCode, 201, digest.body)
  refusedFor(await post(mine.write, '/v1/digests', { topicId, recipients: ['c@relais.test'] }), /at most 1 digest subscriptions/)
  const digestId = (digest.json() as { id: string }).id
  const patch = (recipients: string[]) => app.inject({ method: 'PATCH', url: `/v1/digests/${digestId}`, headers: bearer(mine.write), payload: { recipients } })
  t.equal((await patch(['a@relais.test', 'b@relais.test', 'c@relais.test'])).statusCode, 200, 'three recipients: within the quota')
  refusedFor(await patch(['a@relais.test', 'b@relais.test', 'c@relais.test', 'd@relais.test']), /at most 3 digest recipients \(over all its digests\) and has 0; this request would add 4/)

  const raise = await app.inject({ method: 'PATCH', url: '/v1/workspace/settings', headers: bearer(mine.admin), payload: { quotas: { topics: 1000 } } })
  t.equal(raise.statusCode, 400, 'a tenant admin cannot raise a quota')
  t.same((await database.db.selectFrom('workspaces').select('quotas').where('id', '=', theirs.id).executeTakeFirstOrThrow()).quotas, {}, 'the other workspace is on the defaults')
  t.ok(DEFAULT_QUOTAS.topics >= 100, 'the defaults leave room for real use')
})
