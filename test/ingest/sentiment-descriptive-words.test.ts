// Adjectives that describe rather than judge ("dernier", "long", "jeune") carry no opinion even
// where a vocabulary gives them a mild one; clear opinion words still count. French is the one
// language whose lexicon takes such a vocabulary (pattern's), so the sentences are French,
// written for this test, each asserting the label a person would give.
import t from 'tap'
import { sentiment } from '../../src/pipeline/ingest/enrich/index.ts'
import { sentimentLabel, type SentimentLabel } from '../../src/platform/shared/sentiment-label.ts'

const CASES: [text: string, label: SentimentLabel][] = [
  ['Le dernier train part à minuit', 'neutral'],
  ['Le long du canal, une piste cyclable', 'neutral'],
  ['Un jeune homme attend le dernier bus', 'neutral'],
  ['Ce film est excellent', 'positive'],
  ['Ce film est mauvais', 'negative'],
]

t.test('fr: describing words are not opinions, opinion words are', async (t) => {
  for (const [text, label] of CASES) t.equal(sentimentLabel(sentiment(text, 'fr')), label, text)
})
