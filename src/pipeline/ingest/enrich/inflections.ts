// Inflected forms of opinion words: lexicons list an adjective once (Spanish "bueno", Italian
// "bello", French "déçu"), posts use every gender and number ("buenos", "belle", "déçues"). Stems
// shorter than the shortest one the lexicon trusts ("lind" of "lindos") find nothing, so the
// reader also tries the dictionary forms a word's regular ending may stand for, per language.

import type { SupportedLanguage } from './languages.ts'

/** [ending, replacements]: a word ending so may be the same word with each replacement. */
type Rule = readonly [string, readonly string[]]

// Not in English, whose AFINN lists inflected forms, nor in German and Dutch, where stemming
// covers adjective endings ("schöne", "schlechten"): on train, English and German read level or
// lower with them.
const RULES: Record<SupportedLanguage, readonly Rule[]> = {
  en: [],
  // Feminine and plural adjectives and nouns: "déçues" → "déçu", "heureuses" → "heureux",
  // "nouvelles" → "nouvel", "nationaux" → "national", "négatives" → "négatif".
  fr: [
    ['euses', ['eux']], ['euse', ['eux']], ['ives', ['if']], ['ive', ['if']], ['aux', ['al']],
    ['elles', ['el']], ['elle', ['el']], ['ennes', ['en']], ['enne', ['en']], ['ettes', ['et']], ['ette', ['et']],
    ['es', ['e', '']], ['e', ['']], ['s', ['']], ['x', ['']],
  ],
  // "buenos" → "bueno", "lindas" → "lindo", "mejores" → "mejor", "felices" → "feliz".
  es: [['ces', ['z']], ['os', ['o']], ['as', ['a', 'o']], ['es', ['e', '']], ['a', ['o']], ['s', ['']]],
  // "lindas" → "lindo", "legais" → "legal", "ruins" → "ruim", "chatões" → "chatão".
  pt: [['ões', ['ão']], ['ãos', ['ão']], ['ais', ['al']], ['eis', ['el']], ['ns', ['m']], ['os', ['o']], ['as', ['a', 'o']], ['es', ['e', '']], ['a', ['o']], ['s', ['']]],
  // "belli", "belle", "bella" → "bello"; "tristi" → "triste"; "stanchi" → "stanco".
  it: [['chi', ['co']], ['ghi', ['go']], ['che', ['ca', 'co']], ['ghe', ['ga', 'go']], ['i', ['o', 'e']], ['e', ['a', 'o']], ['a', ['o']]],
  de: [],
  nl: [],
}

/** Shortest dictionary form tried: shorter ones are mostly function words ("mes" → "me"). */
const SHORTEST_BASE = 3

/** Dictionary forms `word` (lower-cased) may be an inflection of, most likely first; [] when none. */
export function inflectionBases(lang: SupportedLanguage, word: string): string[] {
  for (const [ending, replacements] of RULES[lang]) {
    if (!word.endsWith(ending)) continue
    const stem = word.slice(0, word.length - ending.length)
    return replacements.map((replacement) => stem + replacement).filter((base) => base.length >= SHORTEST_BASE && base !== word)
  }
  return []
}
