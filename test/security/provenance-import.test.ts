// Provenance, by NDJSON import: workspace B imports a file holding the very accounts and posts of
// workspace A's planted network (A's own export), each rewritten — other names, URLs, bios,
// counts, engagement — plus follows that do not exist, on a topic of its own that it scores. A's
// answers stay byte-identical, and A's next scoring ranks exactly as before.
import t from 'tap'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { bearer } from '../helpers/app.ts'
import { handleOf, PLANTED_NOW, scoredPlantedTopic } from '../helpers/planted-network.ts'
import { exportText, importText } from '../interchange/fixtures/interchange-io.ts'
import { rankingShape, workspaceView } from './fixtures/workspace-view.ts'

const FORGED_NAME = 'Forged by an import'
const FORGED_URL = 'https://forged.example/'

t.test('an import by another workspace, with the same ids, changes nothing of what a workspace sees', async (t) => {
  const { app, database, mine, theirs, topicId } = await scoredPlantedTopic(t)
  const { db } = database
  const digest = await app.inject({ method: 'POST', url: '/v1/digests', headers: bearer(mine.write), payload: { topicId, recipients: ['team@relais.test'] } })
  t.equal(digest.statusCode, 201, digest.body)
  const target = { app, db, workspaceId: mine.id, key: mine.read, topicId, digestId: (digest.json() as { id: string }).id }
  const before = await workspaceView(target)

  // B's file: A's records with the same ids, rewritten, and every account following the off-topic O.
  const records = (await exportText(db, mine.id)).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
  t.ok(records.filter((r) => r.type === 'post').length > 30, 'A\'s network has posts to forge')
  const forged = records.map((r) => {
    if (r.type === 'account') return { ...r, displayName: FORGED_NAME, bio: FORGED_NAME, url: `${FORGED_URL}${String(r.id)}`, followersCount: 9_999_999 }
    if (r.type === 'post') return { ...r, likes: 100_000, reposts: 50_000, url: `${FORGED_URL}post` }
    return r
  })
  for (const r of records) {
    if (r.type === 'account' && r.id !== handleOf('O')) forged.push({ type: 'follow', network: 'mastodon', followerId: r.id, followeeId: handleOf('O') })
  }
  const topicB = (await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(theirs.admin), payload: { name: 'Vélo', query: '#velo OR vélo' } })).json() as { id: string }
  const { stats, bad } = await importText(db, theirs.id, forged.map((r) => JSON.stringify(r)).join('\n'))
  t.same(bad, [], 'every forged line was taken')
  t.ok(stats.posts > 30, `B imported ${stats.posts} posts`)
  await scoreTopic(db, topicB.id, { now: PLANTED_NOW })
  const theirRanking = (await app.inject({ url: `/v1/topics/${topicB.id}/influencers?limit=500`, headers: bearer(theirs.read) })).body
  t.ok(theirRanking.includes(FORGED_NAME), 'B sees its own file')

  const after = await workspaceView(target)
  t.same([...after.keys()], [...before.keys()], 'the same answers were read')
  for (const [url, body] of before) t.equal(after.get(url), body, `A's ${url} is byte-identical`)
  for (const body of after.values()) t.notOk(body.includes(FORGED_NAME) || body.includes(FORGED_URL), 'nothing of B\'s file in A\'s answers')

  // A scores again (same instant) with B's forged follows in the database: the same ranking.
  await scoreTopic(db, topicId, { now: PLANTED_NOW })
  for (const ranking of ['influencers', 'relays', 'prospects']) {
    const url = `/v1/topics/${topicId}/${ranking}?limit=500`
    t.same(rankingShape((await app.inject({ url, headers: bearer(mine.read) })).body), rankingShape(before.get(url)!), `A's ${ranking}, scored again, as before`)
  }
})
