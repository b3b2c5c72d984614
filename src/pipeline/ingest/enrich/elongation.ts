// Letters stretched for emphasis ("sooooo good", "noooo", "poooorra", "genialeeee"): the word is
// the same word said louder. Runs of three or more of one letter are cut back to two, then to one
// ("goooood" → "good" before "god"; "geniaaaal" → "geniaal", then "genial").

const STRETCHED = /(\p{L})\1{2,}/u
const STRETCHED_ALL = /(\p{L})\1{2,}/gu

/** A lower-cased word holds a letter three times or more in a row. */
export function isElongated(word: string): boolean {
  return word.length >= 3 && STRETCHED.test(word)
}

/** The spellings a stretched word may stand for: runs cut to two letters, then to one. */
export function unstretched(word: string): string[] {
  if (!isElongated(word)) return []
  const one = word.replace(STRETCHED_ALL, '$1')
  const two = word.replace(STRETCHED_ALL, '$1$1')
  return one === two ? [one] : [two, one]
}
