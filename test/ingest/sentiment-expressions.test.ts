// Stretched words, set phrases and interjections in every claimed language, on sentences written
// for this test, each asserting the label a person would give.
import t from 'tap'
import { sentiment } from '../../src/pipeline/ingest/enrich/index.ts'
import { sentimentLabel, type SentimentLabel } from '../../src/platform/shared/sentiment-label.ts'

type Case = [text: string, label: SentimentLabel]
interface LanguageCases {
  /** Letters stretched for emphasis read as the word itself. */
  stretched: Case[]
  /** Phrases whose sense is not the sum of their words. */
  phrases: Case[]
  /** Interjections of disgust or annoyance. */
  interjections: Case[]
}

const CASES: Record<string, LanguageCases> = {
  en: {
    stretched: [['The concert was sooooo good', 'positive'], ['Nooooo, the train is late again', 'negative']],
    phrases: [['What a waste of time', 'negative'], ["I can't wait for the holidays", 'positive']],
    interjections: [['Ugh, Monday again', 'negative']],
  },
  fr: {
    stretched: [['Ce concert était géniaaaaal', 'positive'], ['Nuuuul ce match', 'negative']],
    phrases: [["Ce débat, c'est n'importe quoi", 'negative'], ['Tant mieux pour eux', 'positive']],
    interjections: [['Beurk, la cantine ce midi', 'negative']],
  },
  es: {
    stretched: [['El concierto fue geniaaaal', 'positive'], ['Qué asquitoooo, horrible', 'negative']],
    phrases: [['Menos mal que llegó el tren', 'positive'], ['Estoy hasta las narices de las obras', 'negative']],
    interjections: [['Puaj, la comida del comedor', 'negative']],
  },
  de: {
    stretched: [['Das Konzert war suuuuper', 'positive'], ['Das Spiel war sooo schlecht', 'negative']],
    phrases: [['Die neue Regel geht gar nicht', 'negative'], ['Viel Glück morgen bei der Prüfung', 'positive']],
    interjections: [['Igitt, das Kantinenessen heute', 'negative']],
  },
  it: {
    stretched: [['Il concerto era bellissimoooo', 'positive'], ['Che schifooooo questa partita', 'negative']],
    phrases: [['Meno male che il treno è arrivato', 'positive'], ['Che palle questi lavori in strada', 'negative']],
    interjections: [['Uffa, di nuovo lunedì', 'negative']],
  },
  pt: {
    stretched: [['O show foi maravilhosoooo', 'positive'], ['Que horrííível esse jogo', 'negative']],
    phrases: [['Ainda bem que o trem chegou', 'positive'], ['Estou de saco cheio dessas obras', 'negative']],
    interjections: [['Aff, segunda-feira de novo', 'negative']],
  },
  nl: {
    stretched: [['Het concert was geweldiiiig', 'positive'], ['Het eten was vreselijkkkk', 'negative']],
    phrases: [['Veel succes morgen met het examen', 'positive']],
    interjections: [['Bah, weer maandag', 'negative']],
  },
}

for (const [lang, cases] of Object.entries(CASES)) {
  for (const [mechanism, list] of Object.entries(cases) as [string, Case[]][]) {
    t.test(`${lang}: ${mechanism}`, async (t) => {
      for (const [text, label] of list) {
        const score = sentiment(text, lang) ?? Number.NaN
        t.equal(sentimentLabel(score), label, `${lang}: "${text}" (${score.toFixed(2)})`)
      }
    })
  }
}

t.test('a phrase is read as a whole, not as its words', async (t) => {
  // "mal" / "male" alone are negative; inside "menos mal" / "meno male" they are relief.
  t.equal(sentimentLabel(sentiment('El servicio fue mal', 'es')), 'negative')
  t.equal(sentimentLabel(sentiment('Menos mal que el servicio volvió', 'es')), 'positive')
  t.equal(sentimentLabel(sentiment('Il servizio è andato male', 'it')), 'negative')
  t.equal(sentimentLabel(sentiment('Meno male che il servizio è tornato', 'it')), 'positive')
})

t.test('a stretched word is the same word, not a new one', async (t) => {
  const pairs = [
    ['en', 'The day was good', 'The day was goooood'],
    ['es', 'El día fue genial', 'El día fue geniaaaal'],
    ['pt', 'O dia foi lindo', 'O dia foi liiiindo'],
  ] as const
  for (const [lang, plain, stretched] of pairs) {
    const a = sentiment(plain, lang) ?? Number.NaN
    const b = sentiment(stretched, lang) ?? Number.NaN
    t.equal(sentimentLabel(a), 'positive', `${lang}: "${plain}" (${a.toFixed(2)})`)
    t.equal(sentimentLabel(b), 'positive', `${lang}: "${stretched}" reads as "${plain}" (${b.toFixed(2)})`)
  }
})
