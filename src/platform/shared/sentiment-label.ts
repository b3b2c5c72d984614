// One definition of a post's sentiment label, read by the mention feed, the topic stats, the
// digest, the spike alerts and the inbox. Stored scores are calibrated per language at enrichment
// (src/pipeline/ingest/enrich/sentiment-calibration.ts) so that these fixed bands mean the same in every
// language: the SQL of each consumer compares against the same two numbers.

export type SentimentLabel = 'negative' | 'neutral' | 'positive'

/** Scores within ±NEUTRAL_BAND (inclusive) are neutral. */
export const NEUTRAL_BAND = 0.05

/** Below this score a negative post reads as a complaint worth answering (the inbox). */
export const WORTH_ANSWERING_BELOW = -0.3

/** The label of a stored score; null when the post's language has no sentiment. */
export function sentimentLabel(score: number | null): SentimentLabel | null {
  if (score === null || Number.isNaN(score)) return null
  if (score < -NEUTRAL_BAND) return 'negative'
  if (score > NEUTRAL_BAND) return 'positive'
  return 'neutral'
}

export function isWorthAnswering(score: number | null): boolean {
  return score !== null && score < WORTH_ANSWERING_BELOW
}
