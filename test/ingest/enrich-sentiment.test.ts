// Sentiment sign on clearly positive and negative hand-written sentences in each supported
// language (bench/enrich/sentiment-samples.ts), negation, and refusal for other languages.
import t from 'tap'
import { NEGATION_TEST_SAMPLES, SENTIMENT_TEST_SAMPLES } from '../../bench/enrich/sentiment-samples.ts'
import { sentiment } from '../../src/pipeline/ingest/enrich/index.ts'
import { sentimentLabel } from '../../src/platform/shared/sentiment-label.ts'

const LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl']

t.test('sign of clearly positive and negative sentences, per language', async (t) => {
  for (const lang of LANGUAGES) {
    const samples = SENTIMENT_TEST_SAMPLES.filter((sample) => sample.lang === lang)
    t.ok(samples.filter((sample) => sample.sign > 0).length >= 5, `${lang}: positive samples`)
    t.ok(samples.filter((sample) => sample.sign < 0).length >= 5, `${lang}: negative samples`)
    for (const sample of samples) {
      const score = sentiment(sample.text, lang)
      t.equal(score === null ? null : Math.sign(score), sample.sign, `${lang}: ${sample.text} (${score?.toFixed(2)})`)
    }
  }
})

t.test('negation flips the words it governs', async (t) => {
  for (const sample of NEGATION_TEST_SAMPLES) {
    const score = sentiment(sample.text, sample.lang)
    t.equal(score === null ? null : Math.sign(score), sample.sign, `${sample.lang}: ${sample.text} (${score?.toFixed(2)})`)
  }
  const pairs: [string, string, string][] = [
    ['en', 'The food was good', 'The food was not good'],
    ['fr', 'Ce film est bon', "Ce film n'est pas bon"],
    ['es', 'La comida es buena', 'La comida no es buena'],
    ['de', 'Das Essen ist gut', 'Das Essen ist nicht gut'],
    ['it', 'Il cibo è buono', 'Il cibo non è buono'],
    ['pt', 'A comida é boa', 'A comida não é boa'],
    ['nl', 'Het eten is goed', 'Het eten is niet goed'],
  ]
  for (const [lang, plain, negated] of pairs) {
    const plainScore = sentiment(plain, lang) ?? 0
    const negatedScore = sentiment(negated, lang) ?? 0
    t.ok(plainScore > 0 && negatedScore < 0, `${lang}: "${plain}" ${plainScore.toFixed(2)} vs "${negated}" ${negatedScore.toFixed(2)}`)
  }
  const scoped = sentiment('Not a big deal, the hotel was lovely', 'en') ?? 0
  t.ok(scoped > 0, `negation stops at the clause end (${scoped.toFixed(2)})`)
})

t.test('contrast: what follows "but" weighs more', async (t) => {
  const score = sentiment('The screen is nice but the battery is terrible', 'en') ?? 0
  t.ok(score < 0, `leans negative (${score.toFixed(2)})`)
  const reverse = sentiment('The battery is terrible but the screen is wonderful', 'en') ?? 0
  t.ok(reverse > 0, `leans positive (${reverse.toFixed(2)})`)
})

t.test('range, neutral text and emoji', async (t) => {
  for (const sample of SENTIMENT_TEST_SAMPLES) {
    const score = sentiment(sample.text.repeat(20), sample.lang) ?? Number.NaN
    t.ok(score >= -1 && score <= 1, `in [-1, 1] even for long text (${score.toFixed(3)})`)
  }
  t.equal(sentimentLabel(sentiment('The meeting is on Tuesday at the office', 'en')), 'neutral', 'no sentiment words → neutral')
  t.equal(sentimentLabel(sentiment('', 'fr')), 'neutral', 'empty text → neutral')
  t.ok((sentiment('Concert ce soir 😍🎉', 'fr') ?? 0) > 0, 'emoji count')
  t.ok((sentiment('#honte à ce service, trois semaines sans réponse', 'fr') ?? 0) < 0, 'hashtag words count')
})

t.test('null for languages without a lexicon, never a guess', async (t) => {
  t.equal(sentiment('素晴らしい一日でした', 'ja'), null, 'Japanese')
  t.equal(sentiment('This is great', 'sv'), null, 'even English words under another language code')
  t.equal(sentiment('This is great', null), null, 'unknown language')
})
