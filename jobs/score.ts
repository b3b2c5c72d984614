// score: ranks each topic's accounts (influence, relays, prospects, communities) and writes one
// snapshot per topic, then thins the topic's older snapshots (thin-history.ts). Cost: one topic
// graph in memory at a time (≈16 bytes per edge) and a few passes over it; sampled betweenness
// above 3,000 nodes. Locking: one run per scope at a time.
import { scoreTopic } from '../src/insight/scoring/index.ts'
import { thinScoreHistory } from '../src/insight/scoring/thin-history.ts'
import { forEachUnit } from '../src/tenancy/job-runs/for-each-unit.ts'
import type { Job } from '../src/tenancy/job-runs/job.ts'
import { topicsInScope } from '../src/tenancy/topics/topic-sources.ts'

export function createScoreJob(): Job {
  return {
    name: 'score',
    // After collection (which fires every 15 minutes), every hour at minute 40.
    defaultSchedule: '40 * * * *',
    description: 'Ranks each topic\'s influencers, relays and prospects and keeps a snapshot.',
    async run(ctx, scope) {
      const topics = await topicsInScope(ctx.db, scope)
      let accounts = 0
      const done = await forEachUnit(ctx, topics, (topic) => topic.name, async (topic) => {
        const summary = await scoreTopic(ctx.db, topic.id, { now: ctx.now() })
        // Older snapshots thinned as the policy says (see thin-history.ts): history for weeks, not forever.
        await thinScoreHistory(ctx.db, topic.id, ctx.now())
        accounts += summary.accounts
      })
      return { topics: done, accounts }
    },
  }
}
