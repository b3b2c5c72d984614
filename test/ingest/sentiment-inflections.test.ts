// Gender and plural forms of opinion words, and boosters that are opinion words of their own,
// on sentences written for this test, each asserting the label a person would give.
import t from 'tap'
import { sentiment } from '../../src/pipeline/ingest/enrich/index.ts'
import { sentimentLabel, type SentimentLabel } from '../../src/platform/shared/sentiment-label.ts'

type Case = [text: string, label: SentimentLabel]

const labelOf = (text: string, lang: string): SentimentLabel => sentimentLabel(sentiment(text, lang)) as SentimentLabel

// The lexicons list "nul", "bueno", "bello", "horrível": their other forms read the same.
const INFLECTED: Record<string, Case[]> = {
  fr: [['Les frites étaient nulles', 'negative'], ['Des voisins méchants', 'negative'], ['Des vendeurs sympas', 'positive']],
  es: [['Los camareros fueron buenos', 'positive'], ['Los precios son malos', 'negative'], ['Las fotos son preciosas', 'positive']],
  it: [['Le camere erano belle', 'positive'], ['Le pizze erano buone', 'positive'], ['I treni sono lenti', 'negative']],
  pt: [['As fotos ficaram horríveis', 'negative'], ['Os vizinhos são chatos', 'negative']],
}

// Function words keep no polarity, whatever their ending.
const FUNCTION_WORDS: Record<string, Case[]> = {
  fr: [['Toutes les photos sont dans le dossier', 'neutral']],
  es: [['Tengo todas las fotos de los viajes', 'neutral']],
  it: [['Tutte le foto sono nella cartella', 'neutral']],
  pt: [['Todas as fotos estão na pasta', 'neutral']],
}

// "super" alone praises; before an opinion word it boosts it.
const BOOSTER_ALONE: Record<string, Case[]> = {
  es: [['La fiesta fue súper!', 'positive'], ['La fiesta fue súper aburrida', 'negative']],
  it: [['La festa è stata super!', 'positive'], ['La festa è stata super noiosa', 'negative']],
  pt: [['O show foi super!', 'positive'], ['O show foi super chato', 'negative']],
}

for (const [name, table] of Object.entries({ inflected: INFLECTED, 'function words': FUNCTION_WORDS, 'booster alone': BOOSTER_ALONE })) {
  t.test(name, async (t) => {
    for (const [lang, cases] of Object.entries(table)) {
      for (const [text, label] of cases) t.equal(labelOf(text, lang), label, `${lang}: "${text}" reads ${label}`)
    }
  })
}

t.test('a booster before an opinion word makes it stronger, alone it is milder than with one', async (t) => {
  const plain = sentiment('O show foi bom', 'pt') as number
  const boosted = sentiment('O show foi super bom', 'pt') as number
  t.ok(boosted > plain, `"super bom" (${boosted.toFixed(2)}) reads stronger than "bom" (${plain.toFixed(2)})`)
})
