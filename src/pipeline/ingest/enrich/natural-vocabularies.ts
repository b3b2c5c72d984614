// The one place that touches `natural`. Only its sentiment and stemmer submodules are loaded:
// the package root loads dotenv and prints a banner to stdout, which would corrupt CLI/JSON
// output. Loaded lazily, on the first sentiment call, because the vocabularies weigh megabytes.

import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export type VocabularyType = 'afinn' | 'senticon' | 'pattern'

export interface Stemmer {
  stem(word: string): string
}

interface NaturalAnalyzer {
  vocabulary: Record<string, unknown>
  negations: unknown
}

type AnalyzerConstructor = new (language: string, stemmer: Stemmer | null, type: VocabularyType) => NaturalAnalyzer

let analyzerClass: AnalyzerConstructor | undefined

export interface NaturalVocabulary {
  /** word → polarity as natural stores it (AFINN: -5..5; senticon, pattern: -1..1). */
  entries: [string, number][]
  negations: string[]
}

/** natural's vocabulary of `type` for a language name as natural spells it ("French"). */
export function loadNaturalVocabulary(language: string, type: VocabularyType): NaturalVocabulary {
  analyzerClass ??= require('natural/lib/natural/sentiment/SentimentAnalyzer.js') as AnalyzerConstructor
  // The constructor resolves the vocabulary and its negation list; scoring is done by sentiment.ts.
  const analyzer = new analyzerClass(language, null, type)
  const entries: [string, number][] = []
  for (const [word, raw] of Object.entries(analyzer.vocabulary)) {
    const polarity = Number(raw)
    if (Number.isFinite(polarity)) entries.push([word, polarity])
  }
  const negations = Array.isArray(analyzer.negations)
    ? analyzer.negations.filter((word): word is string => typeof word === 'string')
    : []
  return { entries, negations }
}

/** natural's Porter-style stemmer for a language, by module name ("porter_stemmer_fr"). */
export function loadNaturalStemmer(moduleName: string): Stemmer {
  const stemmer = require(`natural/lib/natural/stemmers/${moduleName}.js`) as Partial<Stemmer>
  if (typeof stemmer.stem !== 'function') throw new Error(`natural stemmer ${moduleName} has no stem()`)
  return { stem: (word) => String(stemmer.stem?.(word) ?? word) }
}
