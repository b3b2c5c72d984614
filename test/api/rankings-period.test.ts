import t from 'tap'
import { sql } from 'kysely'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { bearer } from '../helpers/app.ts'
import { PLANTED_NOW, scoredPlantedTopic } from '../helpers/planted-network.ts'

const DAY = 86_400_000
const at = (days: number) => new Date(PLANTED_NOW.getTime() + days * DAY)

t.test('movers over a day, a week, a month: against the snapshot nearest the period\'s start', async (t) => {
  const { app, database, mine, topicId } = await scoredPlantedTopic(t) // snapshot at day 0
  const db = database.db
  const dayOne = await scoreTopic(db, topicId, { now: at(1) })
  const current = await scoreTopic(db, topicId, { now: at(8) })
  const first = await db.selectFrom('score_runs').select('id').where('topic_id', '=', topicId).orderBy('id').executeTakeFirstOrThrow()
  // Each earlier snapshot's ranks are shifted by its own offset, so a previous rank names its snapshot.
  await sql`update scores set influence_rank = influence_rank + 1000 where run_id = ${first.id}`.execute(db)
  await sql`update scores set influence_rank = influence_rank + 2000 where run_id = ${dayOne.runId}`.execute(db)

  const get = async (query: string) => (await app.inject({ url: `/v1/topics/${topicId}/influencers?limit=500${query}`, headers: bearer(mine.read) })).json()
  const ranksOf = async (runId: number) =>
    new Map((await db.selectFrom('scores').select(['account_id', 'influence_rank']).where('run_id', '=', runId).execute()).map((r) => [String(r.account_id), r.influence_rank]))
  const currentRanks = await ranksOf(current.runId)
  const runs = { [dayOne.runId]: await ranksOf(dayOne.runId), [first.id]: await ranksOf(first.id) }

  // Week: its start (day 1) is a snapshot. Day: its start (day 7) is nearest day 1 too. Month: day −22 is nearest day 0.
  for (const [period, runId, computedAt] of [['week', dayOne.runId, at(1)], ['day', dayOne.runId, at(1)], ['month', first.id, PLANTED_NOW]] as const) {
    const body = await get(`&period=${period}`)
    t.equal(body.comparedWith, computedAt.toISOString(), `${period}: compared with the snapshot of ${computedAt.toISOString()}`)
    t.ok(body.items.length >= 22)
    for (const item of body.items) {
      t.equal(item.rank, currentRanks.get(item.account.id))
      t.equal(item.movement.isNew, false)
      t.equal(item.movement.previousRank, runs[runId].get(item.account.id), `${period}: ${item.account.handle}'s rank in that snapshot`)
      t.equal(item.movement.change, item.movement.previousRank - item.rank)
    }
  }

  const plain = await get('')
  t.notOk('comparedWith' in plain, 'without a period the response is as before')
  t.ok(plain.items.every((i: { movement: { previousRank: number } }) => i.movement.previousRank < 1000), 'and movements are against the previous snapshot, as stored')

  const csv = (await app.inject({ url: `/v1/topics/${topicId}/influencers?format=csv&period=week`, headers: bearer(mine.read) })).body
  t.match(csv.split('\n')[1], /,20\d\d,/, 'the export measures movements over the period too')
})

t.test('a topic scored once has nothing to compare with: every account is new', async (t) => {
  const { app, mine, topicId } = await scoredPlantedTopic(t)
  const body = (await app.inject({ url: `/v1/topics/${topicId}/relays?period=month`, headers: bearer(mine.read) })).json()
  t.equal(body.comparedWith, null)
  t.ok(body.items.length > 0 && body.items.every((i: { movement: { isNew: boolean } }) => i.movement.isNew))
  const bad = await app.inject({ url: `/v1/topics/${topicId}/relays?period=year`, headers: bearer(mine.read) })
  t.equal(bad.statusCode, 400)
})
