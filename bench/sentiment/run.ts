// Sentiment read on real labelled tweets: per language macro-F1, accuracy, confusion matrix and
// the inbox's recall/precision of negative posts, with VADER on the English tweets in the same
// run. Tune on train, report on val. Prints figures; asserts nothing.
// Run: node --import tsx bench/sentiment/run.ts [--split val|train] [--data DIR] [--calibrate]

import { parseArgs } from 'node:util'
import { exitWithHelpIf } from '../shared/args.ts'
import { sentiment } from '../../src/pipeline/ingest/enrich/sentiment.ts'
import { isWorthAnswering, sentimentLabel } from '../../src/platform/shared/sentiment-label.ts'
import { DATA_LANGUAGES, type DataLanguage, readTweets, type Split } from './labelled-tweets.ts'
import { accuracy, CLASSES, confusion, flagQuality, macroF1 } from './scores.ts'
import { printCalibration } from './calibrate.ts'
import { vaderLabel } from './vader.ts'

const HELP = `node --import tsx bench/sentiment/run.ts [options]
  --split val|train   which split to read (default val; tune on train, report on val)
  --data DIR          the labelled data (default ../shared/data/sentiment-dev, from the repository)
  --lang xx           one language only (en, fr, es, de, it, pt)
  --calibrate         also print the thresholds that best fit this split (run on train)`

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'val' }, data: { type: 'string', default: '../shared/data/sentiment-dev' },
    lang: { type: 'string' }, calibrate: { type: 'boolean' }, help: { type: 'boolean' },
  },
})
exitWithHelpIf(values.help, HELP)
if (values.split !== 'val' && values.split !== 'train') throw new Error(`--split must be val or train, got ${values.split}`)
const split: Split = values.split
const languages = (Object.keys(DATA_LANGUAGES) as DataLanguage[]).filter((lang) => !values.lang || lang === values.lang)
if (languages.length === 0) throw new Error(`--lang must be one of ${Object.keys(DATA_LANGUAGES).join(', ')}`)

const pct = (x: number): string => x.toFixed(3)
const rows: string[] = []
for (const lang of languages) {
  const tweets = readTweets(values.data, lang, split)
  const scored = tweets.map((tweet) => ({ truth: tweet.label, score: sentiment(tweet.text, lang) ?? 0 }))
  const matrix = confusion(scored.map((s) => ({ truth: s.truth, predicted: sentimentLabel(s.score) ?? 'neutral' })))
  const inbox = flagQuality(scored.map((s) => ({ truth: s.truth, flagged: isWorthAnswering(s.score) })))
  rows.push(`${lang}  n=${tweets.length}  macro-F1 ${pct(macroF1(matrix))}  accuracy ${pct(accuracy(matrix))}  inbox recall ${pct(inbox.recall)} precision ${pct(inbox.precision)} (${inbox.flagged} flagged)`)
  console.log(`\n${lang} (${split}, ${tweets.length} tweets) — rows: truth, columns: read as ${CLASSES.join(' / ')}`)
  for (const truth of CLASSES) console.log(`  ${truth.padEnd(8)} ${CLASSES.map((guess) => String(matrix[truth][guess]).padStart(5)).join('')}`)
  if (lang === 'en') {
    const vader = confusion(tweets.map((tweet) => ({ truth: tweet.label, predicted: vaderLabel(tweet.text) })))
    rows.push(`en  VADER (same tweets)  macro-F1 ${pct(macroF1(vader))}  accuracy ${pct(accuracy(vader))}`)
  }
  if (values.calibrate) printCalibration(lang, tweets)
}
console.log(`\nSummary (${split})`)
for (const row of rows) console.log(`  ${row}`)
