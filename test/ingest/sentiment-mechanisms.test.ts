// The reader's mechanisms in every claimed language, on sentences written for this test, each
// asserting the label a person would give (or, for strength, the order a person would see).
import t, { type Test } from 'tap'
import { sentiment } from '../../src/pipeline/ingest/enrich/index.ts'
import { sentimentLabel, type SentimentLabel } from '../../src/platform/shared/sentiment-label.ts'

type Case = [text: string, label: SentimentLabel]
interface LanguageCases {
  negation: Case[]
  contrast: Case[]
  /** [plain, boosted, dampened]: boosted reads stronger than plain, dampened weaker. */
  strength: [string, string, string]
  names: Case[]
  laughter: Case[]
}

const CASES: Record<string, LanguageCases> = {
  en: {
    negation: [['The hotel was not good', 'negative'], ['Not a single delay, the crew was lovely', 'positive'], ['I am not happy with this update', 'negative']],
    contrast: [['The screen is nice but the battery is terrible', 'negative'], ['The battery is terrible but the screen is wonderful', 'positive']],
    strength: ['The film was good', 'The film was very good', 'The film was slightly good'],
    names: [['Interview with Anna Goodwin and Paul Love at the town hall', 'neutral'], ['@happyfeet posted the timetable', 'neutral'], ['Vote on #BrilliantFuture tomorrow', 'neutral'], ['Train cancelled again #fail', 'negative']],
    laughter: [['hahaha', 'neutral'], ['He wore socks with sandals again lol', 'neutral'], ['Worst referee ever hahaha', 'negative']],
  },
  fr: {
    negation: [["Ce film n'est pas bon", 'negative'], ['Pas de retard, le personnel était adorable', 'positive'], ["Je ne suis pas content de ce service", 'negative']],
    contrast: [["L'écran est beau mais la batterie est nulle", 'negative'], ['La batterie est nulle mais l’écran est magnifique', 'positive']],
    strength: ['Le repas était bon', 'Le repas était très bon', 'Le repas était assez bon'],
    names: [['Rencontre avec Marie Heureux et Jean Bon à la mairie', 'neutral'], ['@superbe a publié les horaires', 'neutral'], ['Débat sur #BelleÉcole ce soir', 'neutral'], ['Encore une panne #honte', 'negative']],
    laughter: [['mdr', 'neutral'], ['Il porte encore des chaussettes avec des sandales ptdr', 'neutral'], ['Quel arbitre nul mdr', 'negative']],
  },
  es: {
    negation: [['La comida no es buena', 'negative'], ['Sin colas, el personal fue encantador', 'positive'], ['No estoy contento con el servicio', 'negative']],
    contrast: [['La pantalla es bonita pero la batería es horrible', 'negative'], ['La batería es horrible pero la pantalla es preciosa', 'positive']],
    strength: ['La película fue buena', 'La película fue muy buena', 'La película fue algo buena'],
    names: [['Entrevista con Ana Bonita y Pedro Feliz en el ayuntamiento', 'neutral'], ['@genial publicó el horario', 'neutral'], ['Debate sobre #BuenaEscuela mañana', 'neutral'], ['Otra vez sin tren #vergüenza', 'negative']],
    laughter: [['jajaja', 'neutral'], ['Otra vez lleva calcetines con sandalias jaja', 'neutral'], ['Qué árbitro tan malo jajaja', 'negative']],
  },
  de: {
    negation: [['Das Essen ist nicht gut', 'negative'], ['Keine Verspätung, das Personal war wunderbar', 'positive'], ['Ich bin nicht zufrieden mit dem Service', 'negative']],
    contrast: [['Der Bildschirm ist schön aber der Akku ist schrecklich', 'negative'], ['Der Akku ist schrecklich aber der Bildschirm ist wunderbar', 'positive']],
    strength: ['Der Film war gut', 'Der Film war sehr gut', 'Der Film war etwas gut'],
    names: [['Interview mit Anna Schön und Peter Gut im Rathaus', 'neutral'], ['@toll hat den Fahrplan gepostet', 'neutral'], ['Debatte über #GuteSchule morgen', 'neutral'], ['Schon wieder kein Zug #peinlich', 'negative']],
    laughter: [['hahaha', 'neutral'], ['Er trägt wieder Socken in Sandalen haha', 'neutral'], ['Was für ein schlechter Schiedsrichter hahaha', 'negative']],
  },
  it: {
    negation: [['Il cibo non è buono', 'negative'], ['Nessun ritardo, il personale era splendido', 'positive'], ['Non sono contento del servizio', 'negative']],
    contrast: [['Lo schermo è bello ma la batteria è orribile', 'negative'], ['La batteria è orribile ma lo schermo è stupendo', 'positive']],
    strength: ['Il film era bello', 'Il film era molto bello', 'Il film era abbastanza bello'],
    names: [['Intervista con Anna Bella e Marco Felice in comune', 'neutral'], ['@fantastico ha pubblicato gli orari', 'neutral'], ['Dibattito sulla #BuonaScuola domani', 'neutral'], ['Di nuovo senza treno #vergogna', 'negative']],
    laughter: [['ahahah', 'neutral'], ['Porta di nuovo i calzini con i sandali ahahah', 'neutral'], ['Che arbitro pessimo ahahah', 'negative']],
  },
  pt: {
    negation: [['A comida não é boa', 'negative'], ['Sem filas, o pessoal foi maravilhoso', 'positive'], ['Não estou contente com o serviço', 'negative']],
    contrast: [['A tela é bonita mas a bateria é horrível', 'negative'], ['A bateria é horrível mas a tela é maravilhosa', 'positive']],
    strength: ['O filme foi bom', 'O filme foi muito bom', 'O filme foi meio bom'],
    names: [['Entrevista com Ana Linda e Pedro Feliz na prefeitura', 'neutral'], ['@maravilha publicou o horário', 'neutral'], ['Debate sobre #EscolaBoa amanhã', 'neutral'], ['De novo sem trem #vergonha', 'negative']],
    laughter: [['kkkkk', 'neutral'], ['Ele está de meia com sandália de novo kkkk', 'neutral'], ['Que juiz péssimo kkkkk', 'negative']],
  },
  nl: {
    negation: [['Het eten is niet goed', 'negative'], ['Geen vertraging, het personeel was geweldig', 'positive'], ['Ik ben niet blij met de service', 'negative']],
    contrast: [['Het scherm is mooi maar de batterij is vreselijk', 'negative'], ['De batterij is vreselijk maar het scherm is prachtig', 'positive']],
    strength: ['De film was goed', 'De film was heel goed', 'De film was een beetje goed'],
    names: [['Interview met Anna Mooi en Piet Goed op het stadhuis', 'neutral'], ['@geweldig heeft het rooster gepost', 'neutral'], ['Debat over #GoedeSchool morgen', 'neutral'], ['Weer geen trein #schande', 'negative']],
    laughter: [['hahaha', 'neutral'], ['Hij draagt weer sokken in sandalen haha', 'neutral'], ['Wat een slechte scheidsrechter hahaha', 'negative']],
  },
}

const read = (text: string, lang: string): number => sentiment(text, lang) ?? Number.NaN
const check = (t: Test, lang: string, cases: Case[]): void => {
  for (const [text, label] of cases) t.equal(sentimentLabel(read(text, lang)), label, `${lang}: "${text}" (${read(text, lang).toFixed(2)})`)
}

for (const [lang, cases] of Object.entries(CASES)) {
  t.test(`${lang}: negation reaches the opinion words of its clause, and stops at its end`, async (t) => check(t, lang, cases.negation))
  t.test(`${lang}: after a contrast word the clause weighs more`, async (t) => check(t, lang, cases.contrast))
  t.test(`${lang}: boosters strengthen, dampeners soften`, async (t) => {
    const [plain, boosted, dampened] = cases.strength.map((text) => read(text, lang)) as [number, number, number]
    t.equal(sentimentLabel(plain), 'positive', `${lang}: "${cases.strength[0]}" (${plain.toFixed(2)})`)
    t.ok(boosted > plain, `${lang}: "${cases.strength[1]}" ${boosted.toFixed(2)} > ${plain.toFixed(2)}`)
    t.ok(dampened < plain, `${lang}: "${cases.strength[2]}" ${dampened.toFixed(2)} < ${plain.toFixed(2)}`)
  })
  t.test(`${lang}: names, @mentions and CamelCase hashtags are not opinions; a plain hashtag is`, async (t) => check(t, lang, cases.names))
  t.test(`${lang}: laughter is not praise`, async (t) => check(t, lang, cases.laughter))
  t.test(`${lang}: emoji count once each, capped`, async (t) => {
    const base = cases.names[0]?.[0] as string
    const once = read(`${base} 😍`, lang)
    t.equal(sentimentLabel(once), 'positive', `${lang}: a heart-eyes emoji reads positive (${once.toFixed(2)})`)
    t.equal(read(`${base} ${'😍'.repeat(30)}`, lang), once, `${lang}: thirty times the same emoji is one`)
    const many = read(`${base} 😍🥰😘😊😁💕🎉👏🙌`, lang)
    const complaint = read(`${cases.contrast[0]?.[0]} 😍🥰😘😊😁💕🎉👏🙌`, lang)
    t.ok(many < 0.9, `${lang}: many happy emoji stay short of certain (${many.toFixed(2)})`)
    t.ok(complaint < many, `${lang}: words still count beside a pile of emoji (${complaint.toFixed(2)} < ${many.toFixed(2)})`)
  })
}

t.test('Dutch has no labelled data: its calibration is the mean of the others', async (t) => {
  t.equal(sentimentLabel(read('Het concert was fantastisch', 'nl')), 'positive')
  t.equal(sentimentLabel(read('Het concert was verschrikkelijk', 'nl')), 'negative')
  t.equal(sentimentLabel(read('Het concert begint om acht uur', 'nl')), 'neutral')
})
