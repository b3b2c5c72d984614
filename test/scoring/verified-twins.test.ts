import t from 'tap'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { importRecords } from '../../src/pipeline/interchange/index.ts'
import { normalizeMastodonAccount } from '../../src/pipeline/networks/mastodon/normalize-account.ts'
import { mastodonAccountSchema } from '../../src/pipeline/networks/mastodon/schemas.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'

// One person on Mastodon and Bluesky, linked by a profile field the instance verified (rel=me),
// read back through the rankings API as a user would; and a verified link that proves nothing
// about an account (a page below someone else's domain) links nobody.

t.test('a Mastodon account keeps only the links its instance verified', async (t) => {
  const wire = mastodonAccountSchema.parse({
    id: '1', username: 'erin', acct: 'erin', display_name: 'Erin', note: '<p>Vélo</p>', url: 'https://piaille.fr/@erin',
    followers_count: 10, following_count: 5, statuses_count: 40,
    fields: [
      { name: 'Site', value: '<a href="https://erin.example/" rel="nofollow noopener me" target="_blank"><span class="invisible">https://</span><span class="">erin.example/</span></a>', verified_at: '2024-03-01T10:00:00.000+00:00' },
      { name: 'Blog', value: '<a href="https://blog.example/erin" rel="nofollow noopener me" target="_blank">blog.example/erin</a>', verified_at: null },
      { name: 'Pronouns', value: 'elle', verified_at: null },
    ],
  })
  const account = normalizeMastodonAccount(wire, 'piaille.fr')
  t.same(account.verifiedLinks, ['https://erin.example/'])
  t.same(normalizeMastodonAccount(mastodonAccountSchema.parse({ id: '2', username: 'x', acct: 'x', fields: [] }), 'piaille.fr').verifiedLinks, [], 'no field: known to have none')
  t.equal(normalizeMastodonAccount(mastodonAccountSchema.parse({ id: '3', username: 'y', acct: 'y' }), 'piaille.fr').verifiedLinks, undefined, 'no fields key: unknown')
  t.equal(normalizeMastodonAccount(mastodonAccountSchema.parse({ id: '4', username: 'z', acct: 'z', fields: 'oops' }), 'piaille.fr').verifiedLinks, undefined, 'a malformed list is read as unknown')
})

t.test('verified twins are one person in the rankings, with the reason in words', async (t) => {
  const { app, database, mine } = await buildTestApp(t)
  const now = new Date('2026-05-20T12:00:00Z')
  const topic = await database.db.insertInto('topics').values({ workspace_id: mine.id, name: 'Vélo', query: 'vélo' }).returning('id').executeTakeFirstOrThrow()
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString()
  const records: object[] = [
    { type: 'account', network: 'bluesky', id: 'did:plc:erin', handle: 'erin.example' },
    { type: 'account', network: 'mastodon', id: 'erin@piaille.fr', handle: 'erin@piaille.fr', verifiedLinks: ['https://erin.example/'] },
    { type: 'account', network: 'bluesky', id: 'did:plc:medium', handle: 'medium.com' },
    { type: 'account', network: 'mastodon', id: 'gina@mamot.fr', handle: 'gina@mamot.fr', verifiedLinks: ['https://medium.com/@gina'] },
    { type: 'account', network: 'bluesky', id: 'did:plc:fans', handle: 'fans.bsky.social' },
    { type: 'account', network: 'mastodon', id: 'fans@mamot.fr', handle: 'fans@mamot.fr' },
  ]
  let n = 0
  const post = (network: string, author: string, extra: object = {}) => {
    const id = `${network}-post-${++n}`
    records.push({ type: 'post', network, id, authorId: author, createdAt: at(n), text: `Le vélo en ville, épisode ${n}`, ...extra })
    return id
  }
  for (const [network, author] of [['bluesky', 'did:plc:erin'], ['mastodon', 'erin@piaille.fr'], ['bluesky', 'did:plc:medium'], ['mastodon', 'gina@mamot.fr']]) {
    const original = post(network, author, { likes: 3 })
    const fan = network === 'bluesky' ? 'did:plc:fans' : 'fans@mamot.fr'
    post(network, fan, { replyTo: original })
    records.push({ type: 'follow', network, followerId: fan, followeeId: author })
  }
  const stats = await importRecords(database.db, mine.id, (async function* () { for (const r of records) yield `${JSON.stringify(r)}\n` })())
  t.equal(stats.skipped, 0, 'every line imported')
  await scoreTopic(database.db, topic.id, { now })

  const read = async (lang: string) => {
    const res = await app.inject({ url: `/v1/topics/${topic.id}/influencers?limit=50&lang=${lang}`, headers: bearer(mine.read) })
    t.equal(res.statusCode, 200)
    return res.json().items as { account: { handle: string }; components: { sameAs?: { handle: string; network: string; via: string } | null }; reasons: string[]; community: number }[]
  }
  const items = await read('en')
  const byHandle = new Map(items.map((i) => [i.account.handle, i]))
  t.match(byHandle.get('erin@piaille.fr')?.components.sameAs, { handle: 'erin.example', network: 'bluesky', via: 'rel-me' })
  t.match(byHandle.get('erin.example')?.components.sameAs, { handle: 'erin@piaille.fr', network: 'mastodon', via: 'rel-me' })
  t.equal(byHandle.get('erin.example')?.community, byHandle.get('erin@piaille.fr')?.community, 'one person, one community')
  t.ok(byHandle.get('erin@piaille.fr')?.reasons.some((r) => /Same person as erin\.example .*verified/.test(r)), 'the reason says why, in English')
  t.notOk(byHandle.get('gina@mamot.fr')?.components.sameAs, 'a page on medium.com does not make gina the account medium.com')
  t.notOk(byHandle.get('medium.com')?.components.sameAs)
  const french = new Map((await read('fr')).map((i) => [i.account.handle, i]))
  t.ok(french.get('erin.example')?.reasons.some((r) => /Même personne que erin@piaille\.fr .*vérifié/.test(r)), 'and in French')
})
