// The sentiment reader's own token stream: the case of each word is kept (capitals mark names
// and emphasis), mentions are kept so the reader can skip them, emoticons are whole tokens, and
// "!" and "?" stay apart. One regex match over the text; tokens are bare strings.
// Links must be removed beforehand (see scanLinks).

import { EMOTICON_LIST } from './sentiment-emoji.ts'

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const EMOTICON_STARTS = escape([...new Set(EMOTICON_LIST.map((e) => e[0]))].join(''))
const EMOTICONS = [...EMOTICON_LIST].sort((a, b) => b.length - a.length).map(escape).join('|')

const TOKEN = new RegExp(
  [
    String.raw`[@＠][\p{L}\p{N}_.\-]+`, // mention
    String.raw`[#＃][\p{L}\p{N}_]+`, // hashtag
    // Emoticons need a space (or the text's edge) before them, so "(a:b)" stays punctuation; the
    // look-ahead on their first characters keeps the alternatives from being tried everywhere.
    String.raw`(?=[${EMOTICON_STARTS}])(?<![^\s])(?:${EMOTICONS})`,
    String.raw`\p{L}[\p{L}\p{M}\p{N}_]*(?:-\p{L}[\p{L}\p{M}\p{N}_]*)*(?:'(?=\p{L}))?`,
    String.raw`[?¿!¡.;:,…()\n？！。、]`,
    String.raw`\p{Extended_Pictographic}`,
  ].join('|'),
  'gu',
)
const COMBINING_MARK = /[\u0300-\u036f]/
/** Enough words to decide a tone; bounds the cost of very long posts. */
const MAX_CHARS = 4000

export function sentimentTokens(textWithoutLinks: string): string[] {
  let text = textWithoutLinks.length > MAX_CHARS ? textWithoutLinks.slice(0, MAX_CHARS) : textWithoutLinks
  if (text.includes('’')) text = text.replaceAll('’', "'")
  if (COMBINING_MARK.test(text)) text = text.normalize('NFC')
  return text.match(TOKEN) ?? []
}
