// Laughter written out, in the spellings of each claimed language: "haha", "ahah" (en, it, fr),
// "mdr", "ptdr" (fr), "jaja", "jeje" (es), "kkkk", "rsrs", "hue" (pt), "hihi", "lol", "xD". A laugh
// is not praise: it comes as often with mockery ("quel génie mdr") as with joy, so it scores
// only a little on its own and does not add up when repeated.

const LAUGHTER = /^(?:a?(?:h+a+){2,}h*|(?:a+h+){2,}a*|(?:h+e+){2,}h*|(?:h+i+){2,}h*|(?:j+a+){2,}j*|(?:j+e+){2,}j*|(?:j+i+){2,}j*|k{3,}|(?:rs){2,}|(?:hue){2,}|l+o+l+z?|lmf?ao+|rofl|mdr+|ptdr+|xd+|(?:ah){1,}ahah\w*)$/

/** `word` is lower-cased. */
export function isLaughter(word: string): boolean {
  return word.length >= 3 && LAUGHTER.test(word)
}
