// The words of a post as people wrote them, without what is not a word about the subject:
// links, @mentions, #hashtags (counted apart), numbers and anything holding a digit (7h30,
// 10km, 2026), words of fewer than three letters.

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu
const MENTION_OR_TAG = /[@#][\p{L}\p{M}\p{N}_.@-]*/gu
// A run of letters, marks and digits; an apostrophe or hyphen between letters keeps the run whole
// so elisions and compounds are split below, where they are understood.
const RUN = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu
const DIGIT = /\p{N}/u
// French and Italian elisions ("l'école", "dell'arte"), and English possessives ("bike's").
const ELIDED_PREFIX = /^(?:\p{L}{1,2}|\p{L}*qu|\p{L}{0,2}ll)['’]/iu
const POSSESSIVE = /['’]s$/iu

export const MIN_TERM_LENGTH = 3

/** Surface forms, in the order written, NFC-normalised and lower-cased only where written so. */
export function termTokens(text: string): string[] {
  const clean = text.normalize('NFC').replace(LINK, ' ').replace(MENTION_OR_TAG, ' ')
  const words: string[] = []
  for (const run of clean.match(RUN) ?? []) {
    if (DIGIT.test(run)) continue
    for (const part of run.split('-')) {
      const word = part.replace(ELIDED_PREFIX, '').replace(POSSESSIVE, '')
      if ([...word].length >= MIN_TERM_LENGTH && !/['’]/u.test(word)) words.push(word)
    }
  }
  return words
}
