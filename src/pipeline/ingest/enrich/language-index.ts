// Lookup tables built once from the word lists: word → languages, accent/suffix cues.

import { DECOY_WORDS } from './language-decoys.ts'
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from './languages.ts'
import { LANGUAGE_WORDS } from './language-words.ts'

export const LANGUAGE_COUNT = SUPPORTED_LANGUAGES.length

const indexOf = (lang: SupportedLanguage): number => SUPPORTED_LANGUAGES.indexOf(lang)

/** word → indexes of the supported languages listing it. */
export const WORD_LANGUAGES = new Map<string, number[]>()
for (const lang of SUPPORTED_LANGUAGES) {
  for (const word of new Set(LANGUAGE_WORDS[lang])) {
    const langs = WORD_LANGUAGES.get(word) ?? []
    langs.push(indexOf(lang))
    WORD_LANGUAGES.set(word, langs)
  }
}

/** Distinctive words of unsupported languages (never one of the supported lists). */
export const DECOY_WORD_SET = new Set<string>()
for (const list of Object.values(DECOY_WORDS)) {
  for (const word of list) if (!WORD_LANGUAGES.has(word)) DECOY_WORD_SET.add(word)
}

const cue = (...langs: SupportedLanguage[]): number[] => langs.map(indexOf)

/** Letters that only some supported languages use; a weak hint for words not in the lists. */
export const LETTER_CUES = new Map<string, number[]>([
  ['ñ', cue('es')],
  ['ã', cue('pt')],
  ['õ', cue('pt')],
  ['ß', cue('de')],
  ['ä', cue('de')],
  ['ö', cue('de')],
  ['ü', cue('de')],
  ['ç', cue('fr', 'pt')],
  ['œ', cue('fr')],
  ['ê', cue('fr', 'pt')],
  ['â', cue('fr', 'pt')],
  ['î', cue('fr')],
  ['û', cue('fr')],
  ['ù', cue('fr')],
  ['è', cue('fr', 'it')],
  ['ë', cue('fr', 'nl')],
  ['ï', cue('fr', 'nl')],
  ['ì', cue('it')],
  ['ò', cue('it')],
  ['á', cue('es', 'pt')],
  ['í', cue('es', 'pt')],
  ['ó', cue('es', 'pt')],
  ['ú', cue('es', 'pt')],
])

/** Word endings typical of one or two supported languages, for words not in the lists. */
export const SUFFIX_CUES: [string, number[]][] = [
  ['ção', cue('pt')],
  ['ções', cue('pt')],
  ['ões', cue('pt')],
  ['ão', cue('pt')],
  ['inho', cue('pt')],
  ['inha', cue('pt')],
  ['-me', cue('pt')], // enclitic pronouns are hyphenated in Portuguese only: "lembra-me"
  ['-se', cue('pt')],
  ['-lhe', cue('pt')],
  ['ción', cue('es')],
  ['ciones', cue('es')],
  ['dad', cue('es')],
  ['zione', cue('it')],
  ['zioni', cue('it')],
  ['ità', cue('it')],
  ['ung', cue('de')],
  ['heit', cue('de')],
  ['keit', cue('de')],
  ['lich', cue('de')],
  ['schaft', cue('de')],
  ['chen', cue('de')],
  ['lijk', cue('nl')],
  ['heid', cue('nl')],
  ['tje', cue('nl')],
  ['eux', cue('fr')],
  ['euse', cue('fr')],
  ['ière', cue('fr')],
  ['ness', cue('en')],
  ['ing', cue('en')],
  ['ly', cue('en')],
]

/** Letter groups inside a word typical of one supported language (checked after suffixes). */
export const INFIX_CUES: [string, number[]][] = [
  ['nh', cue('pt')],
  ['lh', cue('pt')],
  ['ij', cue('nl')],
  ['oe', cue('nl')],
  ['aa', cue('nl')],
  ['uu', cue('nl')],
  ['tz', cue('de')],
  ['sch', cue('de', 'nl')],
  ['zz', cue('it')],
  ['cch', cue('it')],
  ['gli', cue('it')],
  ['eau', cue('fr')],
  ['ght', cue('en')],
  ['th', cue('en')],
]
