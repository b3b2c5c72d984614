// VADER (npm vader-sentiment, a dev dependency used only here) as the English reference: its
// compound score with the thresholds its authors recommend (±0.05).

import { createRequire } from 'node:module'
import type { SentimentLabel } from '../../src/platform/shared/sentiment-label.ts'

interface Vader { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } }
const vader = createRequire(import.meta.url)('vader-sentiment') as Vader

export function vaderLabel(text: string): SentimentLabel {
  const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(text)
  return compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral'
}
