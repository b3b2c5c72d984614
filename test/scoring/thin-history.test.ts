import t from 'tap'
import { HISTORY_POLICY, thinScoreHistory } from '../../src/insight/scoring/thin-history.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { plantNetwork, PLANTED_NOW } from '../helpers/planted-network.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Monday 00:00 UTC of the week of `d` (ISO weeks, as date_trunc('week')). */
function weekOf(d: Date): number {
  const day = Math.floor(d.getTime() / DAY)
  return day - ((day + 3) % 7) // 1970-01-01 was a Thursday
}

t.test('history thinning: every snapshot for 48 h, one a day for 35 days, one a week for 26 weeks, none older', async (t) => {
  const { db } = await openTestDatabase(t)
  const { id: workspaceId } = await createWorkspace(db, 'History')
  const { topicId } = await plantNetwork(db, workspaceId)
  const account = await db.selectFrom('accounts').select('id').executeTakeFirstOrThrow()

  // Hourly for 3 days, twice a day back to day 40, every other day back to day 200, two at day 210.
  const times: Date[] = []
  for (let h = 72; h >= 0; h--) times.push(new Date(PLANTED_NOW.getTime() - h * HOUR))
  for (let d = 40; d >= 3; d--) for (const hour of [6, 18]) times.push(new Date(Date.UTC(2026, 10, 20 - d, hour)))
  for (let d = 200; d >= 41; d -= 2) times.push(new Date(PLANTED_NOW.getTime() - d * DAY))
  times.push(new Date(PLANTED_NOW.getTime() - 210 * DAY), new Date(PLANTED_NOW.getTime() - 210 * DAY + HOUR))
  times.sort((a, b) => a.getTime() - b.getTime())
  const inserted = await db.insertInto('score_runs')
    .values(times.map((computed_at) => ({ topic_id: topicId, computed_at, window_start: computed_at, params: {}, coverage: { nodes: 0, edges: 0, activeAuthors: 0, followListShare: 0, posts: 0, interactions: 0, follows: 0 } })))
    .returning(['id', 'computed_at']).execute()
  const scoreRow = (run_id: number) => ({ run_id, account_id: account.id, influence: 1, relay: 1, influence_rank: 1, relay_rank: 1, prospect: false, community: 0, components: {} as never })
  await db.insertInto('scores').values(inserted.map((r) => scoreRow(r.id))).execute()

  // The policy, computed here on its own: among snapshots older than 48 h, the latest of each UTC
  // day is kept up to 35 days back and the latest of each ISO week up to 26 weeks back.
  const allSince = PLANTED_NOW.getTime() - HISTORY_POLICY.allForHours * HOUR
  const dailySince = PLANTED_NOW.getTime() - HISTORY_POLICY.dailyForDays * DAY
  const weeklySince = PLANTED_NOW.getTime() - HISTORY_POLICY.weeklyForWeeks * 7 * DAY
  const old = inserted.filter((r) => r.computed_at.getTime() < allSince)
  const latestOf = (key: (d: Date) => number) => {
    const latest = new Map<number, number>()
    for (const r of old) latest.set(key(r.computed_at), Math.max(latest.get(key(r.computed_at)) ?? 0, r.id))
    return new Set(latest.values())
  }
  const dayLatest = latestOf((d) => Math.floor(d.getTime() / DAY))
  const weekLatest = latestOf(weekOf)
  const expected = inserted.filter((r) => {
    const time = r.computed_at.getTime()
    if (time >= allSince) return true
    if (time >= dailySince) return dayLatest.has(r.id)
    if (time >= weeklySince) return weekLatest.has(r.id)
    return false
  }).map((r) => r.id)

  const deleted = await thinScoreHistory(db, topicId, PLANTED_NOW)
  const kept = (await db.selectFrom('score_runs').select('id').where('topic_id', '=', topicId).orderBy('id').execute()).map((r) => r.id)
  t.same(kept, expected)
  t.equal(deleted, inserted.length - expected.length, `${deleted} of ${inserted.length} snapshots thinned, ${kept.length} kept`)
  t.ok(kept.length <= 110, 'about a hundred snapshots at most')
  t.ok(kept.length > 49 + 30, 'more than the last two days')
  const scores = await db.selectFrom('scores').select('run_id').where('account_id', '=', account.id).orderBy('run_id').execute()
  t.same(scores.map((s) => s.run_id), expected, 'the scores of a thinned snapshot go with it')

  t.equal(await thinScoreHistory(db, topicId, PLANTED_NOW), 0, 'thinning again deletes nothing')
})

t.test('a topic no longer scored keeps its latest snapshot, however old', async (t) => {
  const { db } = await openTestDatabase(t)
  const { id: workspaceId } = await createWorkspace(db, 'Paused')
  const { topicId } = await plantNetwork(db, workspaceId)
  const coverage = { nodes: 0, edges: 0, activeAuthors: 0, followListShare: 0, posts: 0, interactions: 0, follows: 0 }
  const long = new Date(PLANTED_NOW.getTime() - 400 * DAY)
  await db.insertInto('score_runs').values([{ topic_id: topicId, computed_at: new Date(long.getTime() - DAY), window_start: long, params: {}, coverage }, { topic_id: topicId, computed_at: long, window_start: long, params: {}, coverage }]).execute()
  t.equal(await thinScoreHistory(db, topicId, PLANTED_NOW), 1)
  const left = await db.selectFrom('score_runs').select('computed_at').where('topic_id', '=', topicId).execute()
  t.same(left.map((r) => r.computed_at.toISOString()), [long.toISOString()])
})
