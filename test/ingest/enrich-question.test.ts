// Which posts land in the "answer these" inbox: questions, with or without a question mark.
import t from 'tap'
import { isQuestion } from '../../src/pipeline/ingest/enrich/index.ts'

type Case = [text: string, expected: boolean]

const CASES: Record<string, Case[]> = {
  en: [
    ['Does anyone know a good library for parsing dates', true],
    ['How do I reset my password', true],
    ['Who wants pizza tonight', true],
    ['Anyone else seeing errors on the API', true],
    ['Is it raining in Paris', true],
    ['How we cut our cloud bill in half', false],
    ['How to bake bread at home', false],
    ['What a beautiful day', false],
    ['Was a great day with the team', false],
    ['How do you even do this!', false],
  ],
  fr: [
    ["Quelqu'un sait pourquoi le site est en panne", true],
    ['Avez-vous des conseils pour débuter', true],
    ['Pourquoi le train est encore en retard', true],
    ['Comment tu fais pour rester motivé', true],
    ["Comment j'ai migré vers Postgres", false],
    ['Comment installer Postgres sur un Mac', false],
    ['Belle journée à tous', false],
  ],
  es: [
    ['Alguien sabe si hay huelga mañana', true],
    ['Cómo se cambia la contraseña', true],
    ['Por qué nadie responde', true],
    ['Dónde venden entradas para el concierto', true],
    ['Cómo hacer pan en casa', false],
    ['Hoy terminé el proyecto', false],
  ],
  de: [
    ['Weiß jemand, ob die S-Bahn fährt', true],
    ['Kann jemand mir helfen', true],
    ['Wie lange dauert das noch', true],
    ['Warum ist der Zug schon wieder zu spät', true],
    ['Was für ein schöner Tag', false],
    ['Wie man Brot zu Hause backt', false],
    ['Heute habe ich das Projekt abgeschlossen', false],
  ],
  it: [
    ['Qualcuno sa se la metro funziona', true],
    ['Dove posso comprare i biglietti', true],
    ['Perché il sito non funziona', true],
    ['Come fare il pane in casa', false],
    ['Oggi ho finito il progetto', false],
  ],
  pt: [
    ['Alguém sabe se o metrô funciona hoje', true],
    ['O que vocês acham do novo logo', true],
    ['Onde fica a estação', true],
    ['Como sempre, atrasado', false],
    ['Hoje terminei o projeto', false],
  ],
  nl: [
    ['Weet iemand of de trein rijdt', true],
    ['Hoe laat begint de wedstrijd', true],
    ['Waarom is de app zo traag', true],
    ['Wat een mooie dag', false],
    ['Vandaag heb ik het project afgerond', false],
  ],
}

t.test('openers per language, without a question mark', async (t) => {
  for (const [lang, cases] of Object.entries(CASES)) {
    for (const [text, expected] of cases) t.equal(isQuestion(text, lang), expected, `${lang}: ${text}`)
  }
})

t.test('question marks', async (t) => {
  t.equal(isQuestion('On se retrouve samedi ?', 'fr'), true)
  t.equal(isQuestion('¿Vienes mañana', 'es'), true, 'an opening ¿ is enough')
  t.equal(isQuestion('Really?', null), true, 'any language')
  t.equal(isQuestion('これは何ですか？', 'ja'), true, 'full-width question mark')
  t.equal(isQuestion('Details at https://example.com/search?q=1', 'en'), false, 'not the ? of a link')
  t.equal(isQuestion('Details at https://example.com/a? I think so', 'en'), true, 'the ? right after a link is the sentence’s')
})

t.test('openers only count in the post’s language', async (t) => {
  t.equal(isQuestion('Was a great day', 'de'), true, '"was" opens a German question')
  t.equal(isQuestion('Was a great day', 'en'), false, 'but not an English one')
  t.equal(isQuestion('Was a great day', null), false, 'unknown language: only "?" counts')
  t.equal(isQuestion('How do I reset my password', 'ja'), false, 'unsupported language: only "?" counts')
})

t.test('later sentences count too', async (t) => {
  t.equal(isQuestion('Great talk yesterday. Where can I find the slides', 'en'), true)
  t.equal(isQuestion('Merci pour hier ! Comment vous avez fait la démo', 'fr'), true)
})
