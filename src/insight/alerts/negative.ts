import { NEUTRAL_BAND } from '../../platform/shared/sentiment-label.ts'

/** A post counts as negative below this sentiment: the one label definition, so alerts, stats and the feed agree. */
export const NEGATIVE_BELOW = -NEUTRAL_BAND
