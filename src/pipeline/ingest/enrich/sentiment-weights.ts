// The weights of the reader's general rules (sentiment.ts). Set by hand, then a few adjusted on
// the training split of real labelled tweets (bench/sentiment); they hold for every language.

export const READER_WEIGHTS = {
  /** Opinion words after a negation count ×negated ("not good" is milder than "bad"). */
  negated: -0.75,
  /** How many words after a negation it reaches (never past its clause). */
  negationScope: 3,
  /** Negative words count this much more than positive ones (people praise lightly, complain pointedly). */
  negativeWord: 1.5,
  booster: 1.3,
  dampener: 0.6,
  /** A word in CAPITALS. */
  shouted: 1.3,
  /** Each "!" ending a clause adds this share (up to three). */
  exclamation: 0.3,
  /** Clauses before a contrast word, and a clause opened by a concession ("although", "aunque"). */
  beforeContrast: 0.3,
  afterContrast: 1.5,
  /** Sum of the distinct emoji's polarities is capped at ± this, then weighted. */
  emojiCap: 0.8,
  emoji: 1,
  /** A post that laughs gets this much, once: nothing, laughter is not praise (nor blame). */
  laughter: 0,
  /** A negation that governs no opinion word (its scope ended first) adds this. */
  bareNegation: -0.2,
  /** A clause asking a question (and not exclaiming). */
  question: 0.5,
  /** Posts that share a link. */
  withLink: 0.3,
}
