// Languages told apart by their writing system alone. Only scripts used by essentially one
// language are mapped; Cyrillic, Arabic and Han-only text stay undecided (null).

interface ScriptRange {
  from: number
  to: number
  /** The language, or null when several languages share the script. */
  lang: string | null
}

const SCRIPTS: ScriptRange[] = [
  { from: 0x0370, to: 0x03ff, lang: 'el' },
  { from: 0x0400, to: 0x052f, lang: null }, // Cyrillic: ru, uk, bg, sr, ...
  { from: 0x0530, to: 0x058f, lang: 'hy' },
  { from: 0x0590, to: 0x05ff, lang: 'he' },
  { from: 0x0600, to: 0x06ff, lang: null }, // Arabic: ar, fa, ur, ...
  { from: 0x0900, to: 0x097f, lang: null }, // Devanagari: hi, mr, ne, ...
  { from: 0x0e00, to: 0x0e7f, lang: 'th' },
  { from: 0x10a0, to: 0x10ff, lang: 'ka' },
  { from: 0x1100, to: 0x11ff, lang: 'ko' },
  { from: 0x3040, to: 0x30ff, lang: 'ja' }, // kana
  { from: 0x3400, to: 0x9fff, lang: null }, // Han: zh, or ja written without kana
  { from: 0xac00, to: 0xd7af, lang: 'ko' },
]

/** Whether a code point is Latin (basic, Latin-1, extended A/B, extended additional). */
export function isLatinLetterCode(code: number): boolean {
  return code < 0x0250 || (code >= 0x1e00 && code <= 0x1eff)
}

export interface ScriptTally {
  latin: number
  /** Letters of other scripts, per script range index. */
  other: Map<number, number>
}

export function tallyScripts(word: string, tally: ScriptTally): void {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (isLatinLetterCode(code)) {
      tally.latin++
      continue
    }
    const index = SCRIPTS.findIndex((range) => code >= range.from && code <= range.to)
    if (index >= 0) tally.other.set(index, (tally.other.get(index) ?? 0) + 1)
  }
}

/** Adds one tally into another. */
export function addTally(into: ScriptTally, from: ScriptTally): void {
  into.latin += from.latin
  for (const [index, count] of from.other) into.other.set(index, (into.other.get(index) ?? 0) + count)
}

/**
 * When non-Latin letters dominate: the script's language, or null if the script is shared.
 * Japanese mixes kana and Han, so any kana makes Han-heavy text Japanese.
 * Returns undefined when Latin letters dominate (the word lists decide).
 */
export function languageFromScripts(tally: ScriptTally): string | null | undefined {
  let otherTotal = 0
  for (const count of tally.other.values()) otherTotal += count
  if (otherTotal === 0 || otherTotal <= tally.latin) return undefined
  const kana = SCRIPTS.findIndex((range) => range.lang === 'ja')
  if ((tally.other.get(kana) ?? 0) > 0) return 'ja'
  let best = -1
  let bestCount = 0
  for (const [index, count] of tally.other) {
    if (count > bestCount) {
      best = index
      bestCount = count
    }
  }
  return bestCount * 2 > otherTotal ? SCRIPTS[best].lang : null
}
