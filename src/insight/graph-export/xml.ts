// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF):
// collected text may hold them, and one would make the whole document unreadable.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' }

/** Text made safe for an XML attribute value or element content. */
export function xmlEscape(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c])
}
