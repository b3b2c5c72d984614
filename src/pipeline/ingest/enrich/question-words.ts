// How questions open in each supported language when the writer leaves out the "?".
// Headlines look like questions ("How we cut our bill", "Comment faire du pain", "Was für ein
// Tag"), so each opener lists what may not follow it.

import type { SupportedLanguage } from './languages.ts'

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/).filter(Boolean))
/** "por qué, o que" → {"por qué", "o que"} */
const pairs = (list: string): Set<string> => new Set(list.split(',').map((pair) => pair.trim()).filter(Boolean))

export interface QuestionOpeners {
  /** Interrogative words: a question unless the next word is in `notBefore`. */
  interrogatives: Set<string>
  /** Words after an interrogative that make it a headline or exclamation. */
  notBefore: Set<string>
  /** "How" words: followed by an infinitive they announce a how-to, not a question. */
  how: Set<string>
  infinitive: RegExp | null
  /** Interrogatives that ask only when a verb (or a word of `afterInverted`) follows: "How do",
   *  "What is", "How much"; "How we cut", "Why I left" are headlines. */
  invertedOnly: Set<string>
  afterInverted: Set<string>
  /** Finite verbs that open a yes/no question when a subject follows ("Does anyone", "Kann jemand"). */
  verbs: Set<string>
  subjects: Set<string>
  /** Openers that ask on their own ("Anyone ...", "Quelqu'un ...", "Weiß jemand" is a verb case). */
  askers: Set<string>
  /** Two-word interrogatives ("por qué", "o que", "che cosa"). */
  pairs: Set<string>
}

export const QUESTION_OPENERS: Record<SupportedLanguage, QuestionOpeners> = {
  en: {
    interrogatives: words(`how what why when where who whom whose which what' how' where' who' why'`),
    notBefore: words('to i we a an my our'),
    how: words('how'),
    infinitive: null,
    invertedOnly: words('how what why when where'),
    afterInverted: words('much many long often far come about'),
    verbs: words(`do does did is are was were can could should would will shall has have had am may
      might isn' aren' don' doesn' didn' can' won' wouldn' shouldn' couldn' haven' hasn'`),
    // No articles or demonstratives: "Was a great day", "Is what it is" drop their subject.
    subjects: words('i you he she it we they anyone anybody someone somebody everyone there any'),
    askers: words('anyone anybody any'),
    pairs: pairs(''),
  },
  fr: {
    interrogatives: words(`comment pourquoi quand où qui quel quelle quels quelles combien quoi lequel
      laquelle est-ce`),
    notBefore: words("j' je nous"),
    how: words('comment'),
    infinitive: /(?:er|ir|re)$/,
    invertedOnly: words(''),
    afterInverted: words(''),
    verbs: words(''),
    subjects: words(''),
    askers: words("quelqu'"),
    pairs: pairs("qu' est-ce"),
  },
  es: {
    interrogatives: words(`cómo qué cuándo dónde quién quiénes cuál cuáles cuánto cuánta cuántos cuántas`),
    notBefore: words(''),
    how: words('cómo'),
    infinitive: /(?:ar|er|ir)$/,
    invertedOnly: words(''),
    afterInverted: words(''),
    verbs: words(''),
    subjects: words(''),
    askers: words('alguien'),
    pairs: pairs('por qué'),
  },
  pt: {
    interrogatives: words(`como quando onde quem qual quais quanto quanta quantos quantas porquê`),
    notBefore: words('sempre se'),
    how: words('como'),
    infinitive: /(?:ar|er|ir)$/,
    invertedOnly: words(''),
    afterInverted: words(''),
    verbs: words(''),
    subjects: words(''),
    askers: words('alguém'),
    pairs: pairs('o que, por que, por quê'),
  },
  it: {
    interrogatives: words(`come perché quando dove chi cosa quale quali quanto quanta quanti quante`),
    notBefore: words('sempre al'),
    how: words('come'),
    infinitive: /(?:are|ere|ire)$/,
    invertedOnly: words(''),
    afterInverted: words(''),
    verbs: words(''),
    subjects: words(''),
    askers: words('qualcuno'),
    pairs: pairs('che cosa'),
  },
  de: {
    interrogatives: words(`wie was warum wieso weshalb wann wo wer wen wem wessen welche welcher welches
      welchen woher wohin womit wozu`),
    notBefore: words('für man ich wir'),
    how: words(''),
    infinitive: null,
    invertedOnly: words(''),
    afterInverted: words(''),
    verbs: words(`kann könnt können hat habt haben hast weiß wisst kennt kennst gibt ist sind bist
      seid muss soll darf will möchte würde war`),
    subjects: words('jemand ihr du man es sie das der die er wir ich'),
    askers: words(''),
    pairs: pairs(''),
  },
  nl: {
    interrogatives: words(`hoe wat waarom wanneer waar wie welke welk`),
    notBefore: words('een ik we wij'),
    how: words(''),
    infinitive: null,
    invertedOnly: words(''),
    afterInverted: words(''),
    verbs: words(`weet weten heeft hebben heb hebt kan kun kunnen is zijn ben ken kent wil willen moet
      moeten zal zullen gaat`),
    subjects: words('iemand jij je jullie u het er de dit dat we wij ik hij zij ze'),
    askers: words(''),
    pairs: pairs(''),
  },
}
