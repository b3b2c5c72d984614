import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { dailyMentions, weekFigures } from './week-figures.ts'
import { weekRankings } from './rankings.ts'
import { risingHashtags } from './rising-hashtags.ts'
import { networkFit } from './network-fit.ts'
import { unansweredMentions } from './inbox.ts'
import type { DigestContent } from './types.ts'

const WEEK_MS = 7 * 86_400_000

/**
 * Everything the digest of a topic says for the seven days before `end`. Statistics, trends,
 * network fit and the inbox come from the analytics and mentions services (the API's own
 * figures); the week-over-week ranking movement and the week's spikes are the digest's own.
 */
export async function gatherDigest(db: Kysely<DB>, topicId: string, end: Date): Promise<DigestContent> {
  const start = new Date(end.getTime() - WEEK_MS)
  const topic = await db.selectFrom('topics').select(['id', 'workspace_id', 'name', 'query', 'own_accounts']).where('id', '=', topicId).executeTakeFirstOrThrow()
  const { totals, networks } = await weekFigures(db, topicId, start, end)
  const rankings = await weekRankings(db, topicId, start, end)
  const spikes = await db
    .selectFrom('alerts').select(['id', 'network', 'kind', 'hour_start', 'volume', 'negative_share'])
    .where('topic_id', '=', topicId).where('hour_start', '>=', start).where('hour_start', '<', end)
    .orderBy('hour_start').orderBy('id').limit(10).execute()
  return {
    topic: { id: topic.id, name: topic.name },
    window: { start, end },
    totals,
    networks,
    daily: await dailyMentions(db, topicId, start, end),
    scoredAt: rankings.scoredAt,
    comparedWith: rankings.comparedWith,
    influencers: rankings.influencers,
    risers: rankings.risers,
    relays: rankings.relays,
    prospects: rankings.prospects,
    hasOwnAccounts: Object.values(topic.own_accounts).some((handles) => handles.length > 0),
    hashtags: await risingHashtags(db, topicId, topic.query, end),
    fit: await networkFit(db, topicId, start, end),
    inbox: await unansweredMentions(db, topic.workspace_id, topicId),
    spikes: spikes.map((s) => ({ alertId: s.id, network: s.network, kind: s.kind, hourStart: s.hour_start, volume: s.volume, negativeShare: s.negative_share })),
  }
}
