import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { computeNetworkFit } from '../../analytics/network-fit/compute-network-fit.ts'
import type { NetworkFit } from './types.ts'

/** The network-fit ranking of the API for the week, best first (the first is the recommendation). */
export async function networkFit(db: Kysely<DB>, topicId: string, start: Date, end: Date): Promise<NetworkFit[]> {
  const fit = await computeNetworkFit(db, topicId, { since: start, until: end })
  return fit.networks
    .filter((n) => n.mentions > 0)
    .map((n) => ({
      network: n.network,
      fitScore: n.fitScore,
      mentionShare: n.mentionShare,
      authorShare: n.authorShare,
      engagementPerPost: n.engagementPerPost,
      influencerDensity: n.influencers.density,
      growthPct: n.growth.changePct,
    }))
}
