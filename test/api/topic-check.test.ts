import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.ts'

t.test('the query check says where a mistake is, and what each network will be asked', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const check = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/v1/topics/check', headers: bearer(mine.read), payload })

  const bad = await check({ query: 'velo AND (' })
  t.equal(bad.statusCode, 200)
  t.match(bad.json(), { valid: false, error: { message: /\S/, position: 9 }, networks: [] }, 'the mistake is at the parenthesis left open')
  const saved = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { name: 'x', query: 'velo AND (' } })
  t.equal(saved.statusCode, 400, 'the same query is refused when saved')
  t.equal(saved.json().detail, bad.json().error.message, 'with the same message')

  const good = (await check({ query: '#velo lang:fr' })).json()
  t.equal(good.valid, true)
  t.same(good.networks.map((n: { label: string }) => n.label), ['Mastodon', 'Bluesky', 'Reddit', 'X'], 'every network, by its name')
  const by = (name: string) => good.networks.find((n: { network: string }) => n.network === name)
  t.same(by('mastodon').searches, ['#velo timeline'], 'Mastodon follows the hashtag\'s timeline')
  t.match(by('x').searches[0], /#velo/)
  t.match(by('x').searches[0], /lang:fr/, 'X is asked for the language itself')
  t.match(by('bluesky').searches[0], /lang=fr/, 'Bluesky takes the language as a parameter')

  const words = (await check({ query: 'vélotaf', networks: ['mastodon'] })).json()
  t.same(words.networks.map((n: { network: string }) => n.network), ['mastodon'], 'only the topic\'s networks')
  t.match(words.networks[0], { complete: false, note: /Mastodon/ }, 'a word without a hashtag cannot be followed on Mastodon without search: said in a note')
  t.equal((await app.inject({ method: 'POST', url: '/v1/topics/check', payload: { query: 'x' } })).statusCode, 401, 'needs a key or a session')
})
