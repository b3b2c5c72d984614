// Set phrases whose sense is not the sum of their words, written for Relais per language:
// "menos mal" and "meno male" are relief although "mal" is bad, "vale la pena" is worth it
// although "pena" is sorrow, "n'importe quoi" and "che palle" are scorn made of neutral words,
// "can't wait" is eagerness although it holds a negation. A phrase is read as one opinion word.

import type { SupportedLanguage } from './languages.ts'
import { sentimentTokens } from './sentiment-tokens.ts'

/** "phrase words:value; other phrase:value" */
const RAW: Record<SupportedLanguage, string> = {
  en: `waste of time:-0.7; fed up:-0.6; sick of:-0.6; pissed off:-0.7; let down:-0.5; can't wait:0.6;
    well done:0.6; thank you:0.4; shut up:-0.5; what a joke:-0.6; rip off:-0.6; oh no:-0.5`,
  fr: `n'importe quoi:-0.6; ras le bol:-0.7; bon courage:0.4; bonne chance:0.4; bonne nouvelle:0.6;
    mauvaise nouvelle:-0.6; quelle horreur:-0.7; tant mieux:0.5; tant pis:-0.3; j'en peux plus:-0.6;
    ça craint:-0.5; bien joué:0.6; à vomir:-0.7; coup de gueule:-0.5; se fout de:-0.6;
    se foutent de:-0.6; foutage de gueule:-0.7; mort de rire:0; j'ai hâte:0.6`,
  es: `hasta los huevos:-0.7; hasta las narices:-0.7; hasta el moño:-0.6; echo de menos:-0.3;
    qué pena:-0.5; me da igual:-0.2; ni de coña:-0.4; vaya tela:-0.4; menos mal:0.5; por fin:0.3;
    mala suerte:-0.5; buena suerte:0.4; de puta madre:0.7; vale la pena:0.5; no veo la hora:0.5;
    qué asco:-0.8`,
  pt: `de saco cheio:-0.7; que saco:-0.6; sem graça:-0.5; vergonha alheia:-0.6; ainda bem:0.5;
    vale a pena:0.5; valeu a pena:0.5; que pena:-0.5; nada a ver:-0.3; se ferrou:-0.5;
    não vejo a hora:0.5; puta que pariu:-0.6; de boa:0.3`,
  it: `che palle:-0.6; meno male:0.5; non se ne può più:-0.6; fa cagare:-0.7; fa pena:-0.6;
    alla grande:0.6; in bocca al lupo:0.4; buona fortuna:0.4; per fortuna:0.4; ci mancava:-0.4;
    non vedo l'ora:0.6; che vergogna:-0.7`,
  de: `na toll:-0.4; geht gar nicht:-0.6; auf die nerven:-0.6; zum kotzen:-0.8; viel glück:0.5;
    gute besserung:0.3; alles gute:0.5; oh nein:-0.5; kann es kaum erwarten:0.6`,
  nl: `veel succes:0.5; de keel uit:-0.6; wat een gedoe:-0.5; kan niet wachten:0.6`,
}

export interface Phrase { words: readonly string[]; value: number }

/** Phrases of a language keyed by their first (lower-cased) word. */
export function phrasesFor(lang: SupportedLanguage): Map<string, Phrase[]> {
  const byFirst = new Map<string, Phrase[]>()
  for (const entry of RAW[lang].split(';')) {
    const at = entry.lastIndexOf(':')
    const words = sentimentTokens(entry.slice(0, at).trim().toLowerCase())
    const first = words[0]
    if (first === undefined || words.length < 2) continue
    byFirst.set(first, [...(byFirst.get(first) ?? []), { words, value: Number(entry.slice(at + 1)) }])
  }
  // Longest first, so "non se ne può più" wins over a shorter phrase with the same start.
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length)
  return byFirst
}

/** The phrase starting at tokens[i] (whose lower-cased form is `first`), if any. */
export function phraseAt(phrases: Map<string, Phrase[]>, tokens: readonly string[], i: number, first: string): Phrase | undefined {
  const candidates = phrases.get(first)
  if (candidates === undefined) return undefined
  for (const phrase of candidates) {
    if (i + phrase.words.length > tokens.length) continue
    let k = 1
    while (k < phrase.words.length && (tokens[i + k] as string).toLowerCase() === phrase.words[k]) k++
    if (k === phrase.words.length) return phrase
  }
  return undefined
}
