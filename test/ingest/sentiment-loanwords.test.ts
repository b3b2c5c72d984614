// English opinion words inside posts in the other claimed languages, on sentences written for this
// test, each asserting the label a person would give; and English spellings that are other words
// in the language (false friends) carry no English opinion.
import t from 'tap'
import { sentiment } from '../../src/pipeline/ingest/enrich/index.ts'
import { sentimentLabel, type SentimentLabel } from '../../src/platform/shared/sentiment-label.ts'

type Case = [text: string, label: SentimentLabel]

const CASES: Record<string, { borrowed: Case[]; falseFriends: Case[] }> = {
  fr: {
    borrowed: [["Le concert d'hier soir, awesome", 'positive'], ['Deux heures à la gare, epic fail', 'negative']],
    falseFriends: [["J'ai acheté du pain à la boulangerie", 'neutral']],
  },
  es: {
    borrowed: [['El concierto de anoche, amazing', 'positive'], ['Dos horas en la estación, epic fail', 'negative']],
    falseFriends: [],
  },
  de: {
    borrowed: [['Das Konzert gestern Abend war awesome', 'positive'], ['Zwei Stunden am Bahnhof, epic fail', 'negative']],
    falseFriends: [['Heute spielt das Kind im Garten', 'neutral']],
  },
  it: {
    borrowed: [['Il concerto di ieri sera, awesome', 'positive'], ['Due ore alla stazione, epic fail', 'negative']],
    falseFriends: [['Alla fine della partita siamo tornati a casa', 'neutral']],
  },
  pt: {
    borrowed: [['O show de ontem à noite, awesome', 'positive'], ['Duas horas na estação, epic fail', 'negative']],
    falseFriends: [],
  },
  nl: {
    borrowed: [['Het concert gisteravond was awesome', 'positive'], ['Twee uur op het station, epic fail', 'negative']],
    falseFriends: [['Het kind speelt in de tuin', 'neutral']],
  },
}

for (const [lang, cases] of Object.entries(CASES)) {
  t.test(`${lang}: English opinion words in the post count`, async (t) => {
    for (const [text, label] of cases.borrowed) t.equal(sentimentLabel(sentiment(text, lang)), label, text)
  })
  if (cases.falseFriends.length > 0) {
    t.test(`${lang}: false friends are the language's own words`, async (t) => {
      for (const [text, label] of cases.falseFriends) t.equal(sentimentLabel(sentiment(text, lang)), label, text)
    })
  }
}

t.test('en: an English post reads its words once, not as borrowed words', async (t) => {
  t.equal(sentimentLabel(sentiment('The concert last night was awesome', 'en')), 'positive')
  t.equal(sentimentLabel(sentiment('The kind staff made our day', 'en')), 'positive')
})
