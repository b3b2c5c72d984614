// PostgreSQL refuses NUL characters in text and lone UTF-16 surrogates in JSON: one of either in
// a collected string would fail the whole batch, and the same page again at every run. Both
// carry no meaning, so they are dropped where collected strings enter.

const SUSPECT = /[\u0000\uD800-\uDFFF]/ // cheap first look: most strings have neither
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Whether `text` holds nothing to remove (allocation-free; most collected strings). */
export function isStorable(text: string | null): boolean {
  return text === null || !SUSPECT.test(text)
}

/** `text` without NUL characters and lone surrogates (the same string when it has none). */
export function cleanText(text: string): string {
  if (isStorable(text)) return text
  return text.replace(UNSTORABLE, '')
}

export function cleanNullableText(text: string | null): string | null {
  return text === null ? null : cleanText(text)
}
