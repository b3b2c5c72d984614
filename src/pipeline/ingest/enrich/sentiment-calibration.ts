// Per-language calibration of the reader's raw score (tanh of the summed evidence) onto the one
// scale every consumer reads (src/platform/shared/sentiment-label.ts): the raw thresholds below map to
// the fixed bands, linearly in between, so the order of scores within a language is kept.
// Fitted on the training split of real labelled tweets by `bench/sentiment/run.ts --split train
// --calibrate` (three numbers per language; no words are learnt from that data). Dutch has no
// labelled data: it takes the mean of the other languages.

import type { SupportedLanguage } from './languages.ts'
import { NEUTRAL_BAND, WORTH_ANSWERING_BELOW } from '../../../platform/shared/sentiment-label.ts'

export interface Calibration {
  /** Raw scores below this read as negative. */
  negativeBelow: number
  /** Raw scores above this read as positive. */
  positiveAbove: number
  /** Raw scores below this are complaints worth answering (≤ negativeBelow). */
  answerBelow: number
}

const FITTED: Record<Exclude<SupportedLanguage, 'nl'>, Calibration> = {
  en: { negativeBelow: -0.0801, positiveAbove: 0.2255, answerBelow: -0.0801 },
  fr: { negativeBelow: -0.0030, positiveAbove: 0.0788, answerBelow: -0.0030 },
  es: { negativeBelow: -0.1016, positiveAbove: 0.3095, answerBelow: -0.2127 },
  de: { negativeBelow: -0.1150, positiveAbove: 0.1124, answerBelow: -0.1150 },
  it: { negativeBelow: -0.0771, positiveAbove: 0.0915, answerBelow: -0.0771 },
  pt: { negativeBelow: -0.0050, positiveAbove: 0.3739, answerBelow: -0.0050 },
}

const mean = (key: keyof Calibration): number => Object.values(FITTED).reduce((sum, c) => sum + c[key], 0) / Object.keys(FITTED).length

export const CALIBRATIONS: Record<SupportedLanguage, Calibration> = {
  ...FITTED,
  nl: { negativeBelow: mean('negativeBelow'), positiveAbove: mean('positiveAbove'), answerBelow: mean('answerBelow') },
}

/** Maps [from0, from1] onto [to0, to1]; a zero-width interval maps to its start. */
function between(x: number, from0: number, from1: number, to0: number, to1: number): number {
  return from1 - from0 < 1e-9 ? to0 : to0 + ((x - from0) / (from1 - from0)) * (to1 - to0)
}

/** The raw score on the shared scale: -1 … answer … -band … band … 1. */
export function calibrate(raw: number, lang: SupportedLanguage): number {
  const c = CALIBRATIONS[lang]
  const answer = Math.min(c.answerBelow, c.negativeBelow)
  if (raw < answer) return between(raw, -1, answer, -1, WORTH_ANSWERING_BELOW)
  if (raw < c.negativeBelow) return between(raw, answer, c.negativeBelow, WORTH_ANSWERING_BELOW, -NEUTRAL_BAND)
  if (raw <= c.positiveAbove) return between(raw, c.negativeBelow, c.positiveAbove, -NEUTRAL_BAND, NEUTRAL_BAND)
  return between(raw, c.positiveAbove, 1, NEUTRAL_BAND, 1)
}
