// Fits a language's calibration on labelled tweets (run on train): the neutral band that gives
// the best macro-F1, and the inbox's threshold that catches the most negative posts while at
// least PRECISION_FLOOR of what it flags is negative. Prints the line for sentiment-calibration.ts.

import { rawSentiment } from '../../src/ingest/enrich/sentiment.ts'
import type { SentimentLabel } from '../../src/shared/sentiment-label.ts'
import type { DataLanguage, LabelledTweet } from './labelled-tweets.ts'
import { confusion, flagQuality, macroF1 } from './scores.ts'

/** Aim above the 0.6 required so the threshold holds on unseen posts. */
const PRECISION_FLOOR = 0.68

const label = (raw: number, below: number, above: number): SentimentLabel =>
  raw < below ? 'negative' : raw > above ? 'positive' : 'neutral'

export function printCalibration(lang: DataLanguage, tweets: readonly LabelledTweet[]): void {
  const scored = tweets.map((tweet) => ({ truth: tweet.label, raw: rawSentiment(tweet.text, lang) ?? 0 }))
  const candidates = [...new Set(scored.map((s) => Math.round(s.raw * 100) / 100))].sort((a, b) => a - b)
  const cuts = [...candidates.map((c) => c - 0.005), ...candidates.map((c) => c + 0.005)].sort((a, b) => a - b)
  let best = { f1: -1, below: 0, above: 0 }
  for (const below of cuts) {
    if (below > 0.3) break
    for (const above of cuts) {
      if (above < below || above < -0.3) continue
      const f1 = macroF1(confusion(scored.map((s) => ({ truth: s.truth, predicted: label(s.raw, below, above) }))))
      if (f1 > best.f1) best = { f1, below, above }
    }
  }
  let answer = { below: best.below, recall: 0, precision: 0 }
  for (const below of cuts) {
    if (below > best.below) break
    const quality = flagQuality(scored.map((s) => ({ truth: s.truth, flagged: s.raw < below })))
    if (quality.precision >= PRECISION_FLOOR && quality.recall >= answer.recall) answer = { below, ...quality }
  }
  const r = (x: number): string => x.toFixed(3)
  console.log(`  fitted: macro-F1 ${r(best.f1)}; inbox recall ${r(answer.recall)} precision ${r(answer.precision)}`)
  console.log(`  ${lang}: { negativeBelow: ${r(best.below)}, positiveAbove: ${r(best.above)}, answerBelow: ${r(answer.below)} },`)
}
