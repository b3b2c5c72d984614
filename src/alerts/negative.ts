import { NEUTRAL_BAND } from '../analytics/stats/network-summary.ts'

/** A post counts as negative below this sentiment: the statistics API's own band, so both agree. */
export const NEGATIVE_BELOW = -NEUTRAL_BAND
