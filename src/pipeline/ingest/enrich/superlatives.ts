// Absolute superlatives ("noiosissima", "aburridísimo", "chatíssimo") are everyday intensifiers in
// Italian, Spanish and Portuguese, but vocabularies list only the base adjective.

import type { SupportedLanguage } from './languages.ts'

const SUPERLATIVE: Partial<Record<SupportedLanguage, RegExp>> = {
  it: /issim[oaie]$/,
  es: /ísim[oa]s?$/,
  pt: /íssim[oa]s?$/,
}

/** Endings to try on the stem: Italian adjectives also end in -e ("velocissimo" → "veloce"). */
const BASE_ENDINGS: Partial<Record<SupportedLanguage, string[]>> = {
  it: ['o', 'a', 'e'],
  es: ['o', 'a'],
  pt: ['o', 'a'],
}

/** Italian plurals point at their singular: -issimi → -o, -issime → -a. */
const SINGULAR: Record<string, string> = { i: 'o', e: 'a' }

/** Base adjectives a superlative may come from, the same gender first; [] when it is not one. */
export function superlativeBases(lang: SupportedLanguage, word: string): string[] {
  const match = SUPERLATIVE[lang]?.exec(word)
  if (!match) return []
  const stem = word.slice(0, match.index)
  const vowel = match[0].replace(/s$/, '').slice(-1)
  const sameGender = SINGULAR[vowel] ?? vowel
  const endings = BASE_ENDINGS[lang] ?? []
  return [sameGender, ...endings.filter((ending) => ending !== sameGender)].map((ending) => stem + ending)
}
