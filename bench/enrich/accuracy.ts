// Accuracy of language detection and sentiment on the hand-written samples, and the comparison
// behind each language's lexicon choice (natural vocabularies × stemmer × supplement).
// Run: node --import tsx bench/enrich/accuracy.ts

import { detectLanguage } from '../../src/ingest/enrich/detect-language.ts'
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../src/ingest/enrich/languages.ts'
import type { VocabularyType } from '../../src/ingest/enrich/natural-vocabularies.ts'
import { buildLexiconWith, type SentimentLexicon } from '../../src/ingest/enrich/sentiment-lexicon.ts'
import { LEXICON_SOURCES, NATURAL_STEMMERS, NATURAL_VOCABULARIES } from '../../src/ingest/enrich/sentiment-sources.ts'
import { sentimentFromTokens } from '../../src/ingest/enrich/sentiment.ts'
import { tokenize } from '../../src/ingest/enrich/tokenize.ts'
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

function signAccuracy(samples: SentimentSample[], lexicon: (lang: SupportedLanguage) => SentimentLexicon): [number, number] {
  let hits = 0
  for (const sample of samples) {
    const score = sentimentFromTokens(tokenize(sample.text), lexicon(sample.lang as SupportedLanguage))
    if (Math.sign(score) === sample.sign) hits++
  }
  return [hits, samples.length]
}

languageReport('test set (tuned on)', LANGUAGE_TEST_SAMPLES)
languageReport('dev set (cues tuned on)', LANGUAGE_DEV_SAMPLES)
languageReport('held-out set (never tuned on)', LANGUAGE_HELD_OUT_SAMPLES)

console.log('\nsentiment sign accuracy per configuration (test | dev | held-out):')
for (const lang of SUPPORTED_LANGUAGES) {
  const test = SENTIMENT_TEST_SAMPLES.filter((sample) => sample.lang === lang)
  const dev = SENTIMENT_DEV_SAMPLES.filter((sample) => sample.lang === lang)
  const heldOut = SENTIMENT_HELD_OUT_SAMPLES.filter((sample) => sample.lang === lang)
  const chosen = LEXICON_SOURCES[lang]
  const vocabularySets: VocabularyType[][] = [...NATURAL_VOCABULARIES[lang].map((type) => [type]), ...(NATURAL_VOCABULARIES[lang].length > 1 ? [chosen.vocabularies] : [])]
  for (const vocabularies of vocabularySets) {
    for (const stemmer of [null, NATURAL_STEMMERS[lang]]) {
      for (const withSupplement of [false, true]) {
        const lexicon = buildLexiconWith(lang, { vocabularies, stemmer, withSupplement })
        const [testHits, testTotal] = signAccuracy(test, () => lexicon)
        const [devHits, devTotal] = signAccuracy(dev, () => lexicon)
        const [heldHits, heldTotal] = signAccuracy(heldOut, () => lexicon)
        const isChosen = vocabularies.join() === chosen.vocabularies.join() && stemmer === chosen.stemmer && withSupplement
        const label = `${lang} ${vocabularies.join('+')}${stemmer ? ' +stem' : ''}${withSupplement ? ' +supplement' : ''}`
        const columns = [percent(testHits, testTotal), percent(devHits, devTotal), percent(heldHits, heldTotal)].map((cell) => cell.padEnd(14))
        console.log(`  ${label.padEnd(36)} ${columns.join(' | ')}${isChosen ? ' ← used' : ''}`)
      }
    }
  }
}

const chosenLexicons = new Map(SUPPORTED_LANGUAGES.map((lang) => [lang, buildLexiconWith(lang, { ...LEXICON_SOURCES[lang], withSupplement: true })]))
const pick = (lang: SupportedLanguage): SentimentLexicon => chosenLexicons.get(lang) as SentimentLexicon
console.log(
  `\nsentiment, configuration used: test ${percent(...signAccuracy(SENTIMENT_TEST_SAMPLES, pick))}, ` +
    `negation ${percent(...signAccuracy(NEGATION_TEST_SAMPLES, pick))}, dev ${percent(...signAccuracy(SENTIMENT_DEV_SAMPLES, pick))}, ` +
    `held-out ${percent(...signAccuracy(SENTIMENT_HELD_OUT_SAMPLES, pick))}`,
)
for (const sample of SENTIMENT_HELD_OUT_SAMPLES) {
  const score = sentimentFromTokens(tokenize(sample.text), pick(sample.lang as SupportedLanguage))
  if (Math.sign(score) !== sample.sign) console.log(`    held-out miss (${sample.lang}, expected ${sample.sign}, got ${score.toFixed(2)}): ${sample.text}`)
}
