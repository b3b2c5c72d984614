// 5-fold held-out figures on one split (run on train): the calibration is fitted on four fifths
// of the tweets and read on the fifth it did not see, five times; the held-out labels are pooled
// into one confusion matrix per language. This is how a change to the reader (a vocabulary, a
// rule, a weight) is compared on train without reading val. Prints figures; asserts nothing.
// Run: node --import tsx bench/sentiment/held-out.ts [--data DIR] [--lang xx]

import { parseArgs } from 'node:util'
import { exitWithHelpIf } from '../shared/args.ts'
import type { SentimentLabel } from '../../src/platform/shared/sentiment-label.ts'
import { fitScores, type RawScore, rawScores } from './calibrate.ts'
import { DATA_LANGUAGES, type DataLanguage, readTweets } from './labelled-tweets.ts'
import { confusion, flagQuality, macroF1 } from './scores.ts'

const FOLDS = 5

const HELP = `node --import tsx bench/sentiment/held-out.ts [options]
  --data DIR   the labelled data (default ../shared/data/sentiment-dev, from the repository)
  --lang xx    one language only (en, fr, es, de, it, pt)`

const { values } = parseArgs({
  options: { data: { type: 'string', default: '../shared/data/sentiment-dev' }, lang: { type: 'string' }, help: { type: 'boolean' } },
})
exitWithHelpIf(values.help, HELP)
const languages = (Object.keys(DATA_LANGUAGES) as DataLanguage[]).filter((lang) => !values.lang || lang === values.lang)
if (languages.length === 0) throw new Error(`--lang must be one of ${Object.keys(DATA_LANGUAGES).join(', ')}`)

const pct = (x: number): string => x.toFixed(3)
let sum = 0
for (const lang of languages) {
  const scores = rawScores(lang, readTweets(values.data, lang, 'train'))
  const labelled: { truth: SentimentLabel; predicted: SentimentLabel }[] = []
  const flags: { truth: SentimentLabel; flagged: boolean }[] = []
  for (let fold = 0; fold < FOLDS; fold++) {
    const seen: RawScore[] = []
    const unseen: RawScore[] = []
    scores.forEach((score, i) => (i % FOLDS === fold ? unseen : seen).push(score))
    const fit = fitScores(seen)
    const answer = Math.min(fit.answer.below, fit.below)
    for (const { label, raw } of unseen) {
      labelled.push({ truth: label, predicted: raw < fit.below ? 'negative' : raw > fit.above ? 'positive' : 'neutral' })
      flags.push({ truth: label, flagged: raw < answer })
    }
  }
  const f1 = macroF1(confusion(labelled))
  const inbox = flagQuality(flags)
  sum += f1
  console.log(`${lang}  held-out macro-F1 ${pct(f1)}  inbox recall ${pct(inbox.recall)} precision ${pct(inbox.precision)}`)
}
console.log(`mean held-out macro-F1 ${pct(sum / languages.length)}`)
