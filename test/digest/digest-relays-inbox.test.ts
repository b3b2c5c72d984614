import t from 'tap'
import { sql } from 'kysely'
import { weekRankings } from '../../src/insight/digest/content/rankings.ts'
import { renderDigest } from '../../src/insight/digest/render/index.ts'
import type { DigestContent, WeekFigures } from '../../src/insight/digest/content/types.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'

const END = new Date('2026-11-30T00:00:00Z')

t.test('the digest lists as relays only accounts that passed something on, by relay score', async (t) => {
  const { db } = await openTestDatabase(t)
  const { id: workspaceId } = await createWorkspace(db, 'Digest')
  const topic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo' }).returning('id').executeTakeFirstOrThrow()
  const run = await sql<{ id: number }>`insert into score_runs (topic_id, computed_at, window_start) values (${topic.id}, ${new Date(END.getTime() - 3_600_000)}, ${new Date(END.getTime() - 30 * 86_400_000)}) returning id`.execute(db)
  // Relay scores as a run writes them: two accounts passed content on, three did not (score 0).
  const planted = [['quiet-hub', 0, 4], ['bridge', 40, 1], ['echo', 12.5, 2], ['lurker', 0, 3], ['fan', 0, 5]] as const
  for (const [i, [handle, relay, rank]] of planted.entries()) {
    const account = await sql<{ id: number }>`insert into accounts (workspace_id, network, external_id, handle) values (${workspaceId}, 'mastodon', ${handle}, ${`${handle}@ex.social`}) returning id`.execute(db)
    await sql`insert into scores (run_id, account_id, influence, relay, influence_rank, relay_rank, community, components)
      values (${run.rows[0].id}, ${account.rows[0].id}, ${90 - i * 10}, ${relay}, ${i + 1}, ${rank}, 0, '{}'::jsonb)`.execute(db)
  }
  const rankings = await weekRankings(db, topic.id, new Date(END.getTime() - 7 * 86_400_000), END)
  t.same(rankings.relays.map((r) => [r.handle, r.score]), [['bridge@ex.social', 40], ['echo@ex.social', 12.5]])
  t.equal(rankings.influencers[0].handle, 'quiet-hub@ex.social', 'a relay score of 0 does not keep an account from the influencers')
})

const week: WeekFigures = { mentions: 3, authors: 2, engagement: 4, negativeShare: 0 }
function content(): DigestContent {
  return {
    topic: { id: '00000000-0000-4000-8000-000000000001', name: 'Vélo' },
    window: { start: new Date(END.getTime() - 7 * 86_400_000), end: END },
    totals: { current: week, previous: week },
    networks: [], daily: [], scoredAt: END, comparedWith: null, influencers: [], risers: [], relays: [], prospects: [], hasOwnAccounts: true,
    hashtags: [], fit: [], spikes: [],
    inbox: { total: 1, more: false, items: [{
      postId: '1', network: 'mastodon', authorHandle: 'ana@ex.social', text: 'Où garer son vélo à la gare ?', url: null, createdAt: END, reasons: ['question'],
      why: { en: 'Asks a question. 1240 followers, 12 reactions, posted 3 h ago.', fr: 'Pose une question. 1240 abonnés, 12 réactions, publié il y a 3 h.' }, engagement: 12,
    }] },
  }
}

t.test('each item to answer says why it is there, in the digest\'s language', async (t) => {
  for (const [language, why] of [['en', 'Asks a question. 1240 followers, 12 reactions, posted 3 h ago.'], ['fr', 'Pose une question. 1240 abonnés, 12 réactions, publié il y a 3 h.']] as const) {
    const digest = renderDigest(content(), { language, timeZone: 'Europe/Paris', subscriptionId: '00000000-0000-4000-8000-000000000002', baseUrl: 'https://relais.example' })
    t.match(digest.text, why, `text part (${language})`)
    t.match(digest.html, why.replace(/'/g, '&#39;'), `HTML part (${language})`)
  }
})
