import t from 'tap'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { handleOf, plantNetwork, PLANTED_NOW } from '../helpers/planted-network.ts'

t.test('the planted hub leads influence, the planted bridge leads relays, the off-topic poster does not rank', async (t) => {
  const { db } = await openTestDatabase(t)
  const { id: workspaceId } = await createWorkspace(db, 'Planted')
  const { topicId } = await plantNetwork(db, workspaceId)
  const summary = await scoreTopic(db, topicId, { now: PLANTED_NOW })
  t.ok(summary.accounts >= 22, `scored ${summary.accounts} accounts`)

  const ranked = await db
    .selectFrom('scores').innerJoin('accounts', 'accounts.id', 'scores.account_id')
    .select(['accounts.handle', 'influence', 'relay', 'influence_rank', 'relay_rank', 'prospect', 'community', 'components'])
    .where('run_id', '=', summary.runId).execute()
  const by = (id: string) => ranked.find((r) => r.handle === handleOf(id))!
  t.equal(by('H').influence_rank, 1, `H leads influence (${by('H').influence})`)
  t.equal(by('H').influence, 100)
  t.equal(by('X').relay_rank, 1, `X leads relays (${by('X').relay})`)
  t.ok(by('O').influence_rank > 10, `O ranks ${by('O').influence_rank} on influence despite 40 off-topic posts and 50,000 followers`)
  t.equal(by('O').relay, 0, 'O passed nothing on: not a relay')
  t.notOk(by('O').prospect, 'O is not a prospect')
  t.ok(by('H').relay < by('X').relay / 2, 'the hub, who passes nothing on, is far behind the bridge as a relay')
  t.ok(by('a1').components.communityName === by('a5').components.communityName, 'one community, one name')
  t.not(by('a1').community, by('b1').community, 'A and B are separate communities')
  t.equal(by('a1').community, by('a5').community)
  t.ok(by('X').components.betweenness > by('a1').components.betweenness, 'the explanation shows the bridge\'s betweenness')
  t.equal(by('H').components.topicPosts, 3, 'the explanation counts the on-topic posts')
  t.notOk(by('H').prospect, 'the brand follows H: not a prospect')
  t.ok(by('X').prospect, 'X has no tie to the brand: a prospect')
  t.match(summary.coverage, { activeAuthors: 23, followListShare: 0 })

  const second = await scoreTopic(db, topicId, { now: PLANTED_NOW })
  const again = await db.selectFrom('scores').select(['account_id', 'influence_rank', 'previous_influence_rank']).where('run_id', '=', second.runId).execute()
  t.ok(again.every((r) => r.previous_influence_rank === r.influence_rank), 'an unchanged graph keeps every rank, and the previous rank is recorded')
})
