import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { listen, matched, minutesAgo, scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { postUri } from '../fakes/bluesky/index.ts'

t.test('posts the search indexes late, dated before posts already collected, are all collected', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId, topicIds } = await listen(t, database)
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  const before = await matched(database, topicIds[0])
  t.equal(before.length, 10)

  // Sixteen posts written 2 to 47 minutes ago, indexed only now: their sortAt (creation) is
  // older than the newest post the first run saw (a minute old).
  const late = Array.from({ length: 16 }, (_, i) => fake.state.addPost({
    rkey: `late-${i}`, authorDid: 'did:plc:ben', text: `Le velo en retard ${i}`, createdAt: minutesAgo(2 + i * 3), indexedAt: new Date().toISOString(),
  }))
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.status, 'succeeded', second.error ?? '')
  const after = await matched(database, topicIds[0])
  t.same(after, [...before, ...late].sort(), 'all sixteen late posts, and nothing lost or doubled')
})

t.test('late posts arriving over several runs, behind a watermark that moved, on another topic', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId, topicIds } = await listen(t, database)
  const trainTopic = topicIds[1]
  const expected = new Set(await (async () => { await scheduledRun(database, workspaceId); return matched(database, trainTopic) })())
  for (const [round, lags] of [[5, 12, 20], [8, 33, 50, 55]].entries()) {
    // A fresh post moves the watermark forward, then posts from before it arrive late.
    expected.add(fake.state.addPost({ rkey: `fresh-${round}`, authorDid: 'did:plc:cat', text: 'Le train de maintenant', createdAt: new Date().toISOString() }))
    await scheduledRun(database, workspaceId)
    for (const [i, lag] of lags.entries()) {
      expected.add(fake.state.addPost({ rkey: `late-${round}-${i}`, authorDid: 'did:plc:ann', text: `Un train tardif ${round}.${i}`, createdAt: minutesAgo(lag), indexedAt: new Date().toISOString() }))
    }
    const outcome = await scheduledRun(database, workspaceId)
    t.equal(outcome.status, 'succeeded', outcome.error ?? '')
  }
  t.same(await matched(database, trainTopic), [...expected].sort())
  t.notOk((await matched(database, trainTopic)).includes(postUri('did:plc:ann', 'velo-0')), 'no post of another topic')
})
