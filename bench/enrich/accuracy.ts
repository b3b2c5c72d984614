// Accuracy of language detection and sentiment sign on the hand-written samples.
// Run: node --import tsx bench/enrich/accuracy.ts

import { detectLanguage } from '../../src/pipeline/ingest/enrich/detect-language.ts'
import { sentiment } from '../../src/pipeline/ingest/enrich/sentiment.ts'
import { LANGUAGE_DEV_SAMPLES, LANGUAGE_HELD_OUT_SAMPLES, LANGUAGE_TEST_SAMPLES, type LanguageSample } from './language-samples.ts'
import {
  NEGATION_TEST_SAMPLES,
  SENTIMENT_DEV_SAMPLES,
  SENTIMENT_HELD_OUT_SAMPLES,
  SENTIMENT_TEST_SAMPLES,
  type SentimentSample,
} from './sentiment-samples.ts'

const percent = (hits: number, total: number): string => `${hits}/${total} (${((100 * hits) / total).toFixed(1)}%)`

function languageReport(name: string, samples: LanguageSample[]): void {
  let hits = 0
  let wrong = 0
  const misses: string[] = []
  for (const sample of samples) {
    const detected = detectLanguage(sample.text)
    if (detected === sample.expected) hits++
    else {
      if (detected !== null) wrong++
      misses.push(`    expected ${sample.expected}, got ${detected}: ${sample.text}`)
    }
  }
  console.log(`language ${name}: ${percent(hits, samples.length)} exact, ${wrong} wrong labels (others are refusals)`)
  for (const miss of misses) console.log(miss)
}

function signAccuracy(samples: SentimentSample[]): [number, number] {
  let hits = 0
  for (const sample of samples) if (Math.sign(sentiment(sample.text, sample.lang) ?? 0) === sample.sign) hits++
  return [hits, samples.length]
}

languageReport('test set (tuned on)', LANGUAGE_TEST_SAMPLES)
languageReport('dev set (cues tuned on)', LANGUAGE_DEV_SAMPLES)
languageReport('held-out set (never tuned on)', LANGUAGE_HELD_OUT_SAMPLES)

// Sentiment on real labelled posts, and the lexicon sources behind it: bench/sentiment.
console.log(
  `\nsentiment sign: test ${percent(...signAccuracy(SENTIMENT_TEST_SAMPLES))}, ` +
    `negation ${percent(...signAccuracy(NEGATION_TEST_SAMPLES))}, dev ${percent(...signAccuracy(SENTIMENT_DEV_SAMPLES))}, ` +
    `held-out ${percent(...signAccuracy(SENTIMENT_HELD_OUT_SAMPLES))}`,
)
for (const sample of SENTIMENT_HELD_OUT_SAMPLES) {
  const score = sentiment(sample.text, sample.lang) ?? 0
  if (Math.sign(score) !== sample.sign) console.log(`    held-out miss (${sample.lang}, expected ${sample.sign}, got ${score.toFixed(2)}): ${sample.text}`)
}
