// A concession ("although", "aunque", "obwohl") opens a clause that weighs less than the rest,
// the reverse of a contrast word; on sentences written for this test, each asserting the label a
// person would give.
import t from 'tap'
import { sentiment } from '../../src/pipeline/ingest/enrich/index.ts'
import { sentimentLabel, type SentimentLabel } from '../../src/platform/shared/sentiment-label.ts'

type Case = [text: string, label: SentimentLabel]

const CASES: Record<string, Case[]> = {
  en: [['I loved it although the start was boring', 'positive'], ['The staff was rude although the room was lovely', 'negative']],
  fr: [['Le film est excellent quoique un peu ennuyeux', 'positive']],
  es: [['La comida fue excelente aunque el hotel es horrible', 'positive'], ['Aunque el hotel es precioso, la comida fue horrible', 'negative']],
  it: [['Il film è stupendo sebbene un po lungo e noioso', 'positive']],
  pt: [['Adorei o hotel embora seja caro e chato', 'positive']],
  de: [['Der Film war toll, obwohl er langweilig anfing', 'positive']],
  nl: [['De film was geweldig, hoewel het begin saai was', 'positive']],
}

t.test('the clause a concession opens weighs less than the rest', async (t) => {
  for (const [lang, cases] of Object.entries(CASES)) {
    for (const [text, label] of cases) {
      t.equal(sentimentLabel(sentiment(text, lang)), label, `${lang}: "${text}" reads ${label}`)
    }
  }
})
