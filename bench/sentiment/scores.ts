// Classification figures: confusion matrix, per-class F1, macro-F1, accuracy, and the recall and
// precision of one flag (the inbox's "negative worth answering") against the negative class.

import type { SentimentLabel } from '../../src/platform/shared/sentiment-label.ts'

export const CLASSES: readonly SentimentLabel[] = ['negative', 'neutral', 'positive']

/** confusion[truth][predicted] */
export type Confusion = Record<SentimentLabel, Record<SentimentLabel, number>>

export function confusion(pairs: readonly { truth: SentimentLabel; predicted: SentimentLabel }[]): Confusion {
  const row = (): Record<SentimentLabel, number> => ({ negative: 0, neutral: 0, positive: 0 })
  const matrix: Confusion = { negative: row(), neutral: row(), positive: row() }
  for (const { truth, predicted } of pairs) matrix[truth][predicted]++
  return matrix
}

export function f1(matrix: Confusion, label: SentimentLabel): number {
  const hits = matrix[label][label]
  const predicted = CLASSES.reduce((sum, truth) => sum + matrix[truth][label], 0)
  const actual = CLASSES.reduce((sum, guess) => sum + matrix[label][guess], 0)
  return predicted + actual === 0 ? 0 : (2 * hits) / (predicted + actual)
}

export function macroF1(matrix: Confusion): number {
  return CLASSES.reduce((sum, label) => sum + f1(matrix, label), 0) / CLASSES.length
}

export function accuracy(matrix: Confusion): number {
  let hits = 0
  let total = 0
  for (const truth of CLASSES) for (const guess of CLASSES) {
    total += matrix[truth][guess]
    if (truth === guess) hits += matrix[truth][guess]
  }
  return total ? hits / total : 0
}

/** Of the posts flagged, how many are negative (precision); of the negative, how many flagged (recall). */
export function flagQuality(items: readonly { truth: SentimentLabel; flagged: boolean }[]): { recall: number; precision: number; flagged: number } {
  let flagged = 0
  let flaggedNegative = 0
  let negative = 0
  for (const item of items) {
    if (item.truth === 'negative') negative++
    if (item.flagged) {
      flagged++
      if (item.truth === 'negative') flaggedNegative++
    }
  }
  return { recall: negative ? flaggedNegative / negative : 0, precision: flagged ? flaggedNegative / flagged : 0, flagged }
}
