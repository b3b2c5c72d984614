import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { matched, scheduledRun, TOPIC_WORDS } from '../helpers/bluesky-fidelity.ts'
import { listenOn } from '../helpers/network-fidelity.ts'
import { startFakeMastodon } from '../fakes/mastodon/index.ts'
import type { FakeMastodonStatus } from '../fakes/mastodon/seed.ts'

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

/** Ten statuses per hashtag, oldest first (the server's id order), the newest two minutes old. */
function statuses(): FakeMastodonStatus[] {
  const list = TOPIC_WORDS.flatMap((word, w) => Array.from({ length: 10 }, (_, i) => ({ minutes: 2 + i * 10 + w, text: `Un avis sur le #${word}, numéro ${i}` })))
    .sort((a, b) => b.minutes - a.minutes)
  return list.map((s, n) => ({ id: `s${String(n).padStart(3, '0')}`, accountId: 'a1', createdAt: minutesAgo(s.minutes), text: s.text }))
}

t.test('statuses an instance receives late, with older ids and dates, are collected by the next run', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await startFakeMastodon({ accounts: [{ id: 'a1', username: 'ann' }, { id: 'a2', username: 'zoe', domain: 'slow.example' }], statuses: statuses() })
  t.teardown(fake.close)
  const { workspaceId, topicIds } = await listenOn(database, { network: 'mastodon', baseUrl: fake.url, credentials: {} }, TOPIC_WORDS.map((w) => `#${w}`))
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  t.equal((await matched(database, topicIds[0])).length, 10)

  // A remote server was down: its statuses of the last hour arrive now. Mastodon gives them ids
  // from their creation dates, so they sort among (and before) statuses the first run already saw.
  const arriveLate = (status: FakeMastodonStatus) => {
    const after = fake.state.statuses.items.find((other) => other.createdAt > status.createdAt)!
    fake.state.addLateStatus(status, after.id)
  }
  const late = TOPIC_WORDS.flatMap((word, w) => [5, 45, 100].map((minutes, k) => ({ id: `late-${w}-${k}`, accountId: 'a2', createdAt: minutesAgo(minutes + w), text: `En retard sur le #${word} (${minutes} min)` })))
  for (const status of late) arriveLate(status)
  // One held up far longer than any retry of the first hour: beyond the overlap.
  arriveLate({ id: 'late-old', accountId: 'a2', createdAt: minutesAgo(6 * 60), text: 'Très en retard, le #velo' })
  t.ok(late.every((status) => fake.state.statuses.position(status.id)! < fake.state.statuses.position('s029')!), 'older ids than the newest status seen')
  // And one posted after the first run, the ordinary way.
  fake.state.addStatus({ id: 'z-new', accountId: 'a1', createdAt: minutesAgo(0), text: 'Tout neuf, le #velo' })

  const second = await scheduledRun(database, workspaceId)
  t.equal(second.status, 'succeeded', second.error ?? '')
  const all = new Set((await Promise.all(topicIds.map((id) => matched(database, id)))).flat())
  const uriOf = (id: string, user: string, host: string) => `${host}/users/${user}/statuses/${id}`
  for (const status of late) t.ok(all.has(uriOf(status.id, 'zoe', 'https://slow.example')), `${status.text} collected`)
  t.ok(all.has(uriOf('z-new', 'ann', fake.url)), 'the new status too')
  t.notOk(all.has(uriOf('late-old', 'zoe', 'https://slow.example')), 'six hours late is beyond the two-hour overlap (out of reach by design)')
  // Statuses read again in the overlap are absorbed by the unique keys, not duplicated.
  const counts = await database.db.selectFrom('posts').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('external_id').distinct().as('distinct')])
    .where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()
  t.equal(Number(counts.n), Number(counts.distinct))
  t.equal(Number(counts.n), 30 + late.length + 1)
})
