// What one word says about the language of a text, worked out once per distinct word and
// remembered: a frequent word of some supported languages, a word of an unsupported language,
// or a weak spelling cue. Posts repeat words heavily, so most tokens cost one map lookup.

import { DECOY_WORD_SET, INFIX_CUES, LETTER_CUES, SUFFIX_CUES, WORD_LANGUAGES } from './language-index.ts'
import { type ScriptTally, tallyScripts } from './script-language.ts'

/** A spelling cue is weaker evidence than a listed word. */
const CUE_WEIGHT = 0.5
/** Bound on remembered words; cleared when full, which is rare and cheap. */
const MAX_REMEMBERED = 100_000
const NON_ASCII = /[^\x00-\x7f]/

export interface WordEvidence {
  /** Supported-language indexes this word points to, each credited `weight`. */
  langs: readonly number[]
  weight: number
  /** A distinctive word of an unsupported language. */
  decoy: boolean
  /** Letters per script; null for plain ASCII words (all Latin). */
  scripts: ScriptTally | null
}

/** One weak hint per unknown word: its ending, else a letter group, else a distinctive letter. */
function spellingCue(word: string): readonly number[] {
  if (word.length >= 5) {
    for (const [suffix, langs] of SUFFIX_CUES) if (word.endsWith(suffix)) return langs
  }
  for (const [infix, langs] of INFIX_CUES) if (word.includes(infix)) return langs
  if (NON_ASCII.test(word)) {
    for (const char of word) {
      const langs = LETTER_CUES.get(char)
      if (langs) return langs
    }
  }
  return []
}

function workOut(word: string): WordEvidence {
  let scripts: ScriptTally | null = null
  if (NON_ASCII.test(word)) {
    scripts = { latin: 0, other: new Map() }
    tallyScripts(word, scripts)
  }
  const listed = WORD_LANGUAGES.get(word)
  if (listed) return { langs: listed, weight: 1 / listed.length, decoy: false, scripts }
  if (DECOY_WORD_SET.has(word)) return { langs: [], weight: 0, decoy: true, scripts }
  const cued = spellingCue(word)
  return { langs: cued, weight: cued.length ? CUE_WEIGHT / cued.length : 0, decoy: false, scripts }
}

const remembered = new Map<string, WordEvidence>()

export function wordEvidence(word: string): WordEvidence {
  let evidence = remembered.get(word)
  if (evidence === undefined) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear()
    evidence = workOut(word)
    remembered.set(word, evidence)
  }
  return evidence
}
