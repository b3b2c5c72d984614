// Turns the sanitised HTML networks send (Mastodon `content`, Reddit `*_html`) into plain text,
// keeping the anchors so callers can tell links from mentions and hashtags.

export interface HtmlAnchor {
  href: string
  /** The visible text of the link, entities decoded. */
  text: string
  classes: string[]
  rel: string[]
}

export interface HtmlToTextResult {
  text: string
  anchors: HtmlAnchor[]
}

export interface HtmlToTextOptions {
  /** Elements carrying one of these classes are dropped with their content (e.g. `quote-inline`). */
  dropClasses?: string[]
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', euro: '€',
}

/** Decodes numeric entities and the named ones sanitisers emit; unknown names stay as written. */
export function decodeHtmlEntities(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (entity, body: string) => {
    if (body.startsWith('#')) {
      const codePoint = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity
    }
    return NAMED_ENTITIES[body] ?? entity
  })
}

const BLOCK_ELEMENTS = new Set(['p', 'div', 'blockquote', 'pre', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const PARAGRAPH_ELEMENTS = new Set(['p', 'blockquote', 'pre', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const VOID_ELEMENTS = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'wbr'])
const SKIPPED_ELEMENTS = new Set(['script', 'style'])
const TOKEN_PATTERN = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g
const ATTRIBUTE_PATTERN = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const match of source.matchAll(ATTRIBUTE_PATTERN)) {
    const name = match[1].toLowerCase()
    attributes.set(name, decodeHtmlEntities(match[2] ?? match[3] ?? match[4] ?? ''))
  }
  return attributes
}

function words(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((word) => word.length > 0)
}

export function htmlToText(html: string, options: HtmlToTextOptions = {}): HtmlToTextResult {
  const dropClasses = new Set(options.dropClasses ?? [])
  const anchors: HtmlAnchor[] = []
  let output = ''
  /** Depth inside a dropped element; each open tag of the same name nests once more. */
  let dropped: { name: string; depth: number } | null = null
  let skipped: string | null = null
  let openAnchor: { anchor: HtmlAnchor; text: string } | null = null

  const breakLine = (count: number): void => {
    const trailing = /\n*$/.exec(output)?.[0].length ?? 0
    if (output.length > 0 && trailing < count) output += '\n'.repeat(count - trailing)
  }

  for (const match of html.matchAll(TOKEN_PATTERN)) {
    const token = match[0]
    const tagName = match[1]?.toLowerCase()
    if (token.startsWith('<!--')) continue
    if (tagName === undefined) {
      // Text (or a stray `<`): whitespace-only runs between blocks carry no meaning in HTML.
      if (dropped !== null || skipped !== null) continue
      const text = decodeHtmlEntities(token.replace(/\s+/g, ' '))
      output += text
      if (openAnchor !== null) openAnchor.text += text
      continue
    }
    const closing = token.startsWith('</')
    if (skipped !== null) {
      if (closing && tagName === skipped) skipped = null
      continue
    }
    if (dropped !== null) {
      if (tagName === dropped.name && !VOID_ELEMENTS.has(tagName)) dropped.depth += closing ? -1 : 1
      if (dropped.depth === 0) dropped = null
      continue
    }
    if (closing) {
      if (tagName === 'a' && openAnchor !== null) {
        openAnchor.anchor.text = openAnchor.text.trim()
        anchors.push(openAnchor.anchor)
        openAnchor = null
      }
      if (BLOCK_ELEMENTS.has(tagName)) breakLine(PARAGRAPH_ELEMENTS.has(tagName) ? 2 : 1)
      continue
    }
    const attributes = parseAttributes(match[2] ?? '')
    const classes = words(attributes.get('class'))
    if (SKIPPED_ELEMENTS.has(tagName)) {
      skipped = tagName
      continue
    }
    if (classes.some((name) => dropClasses.has(name)) && !VOID_ELEMENTS.has(tagName) && !token.endsWith('/>')) {
      dropped = { name: tagName, depth: 1 }
      continue
    }
    if (tagName === 'br') output += '\n'
    else if (BLOCK_ELEMENTS.has(tagName)) breakLine(PARAGRAPH_ELEMENTS.has(tagName) ? 2 : 1)
    if (tagName === 'a') {
      const href = attributes.get('href')
      openAnchor = href === undefined ? null : { anchor: { href, text: '', classes, rel: words(attributes.get('rel')) }, text: '' }
    }
  }
  if (openAnchor !== null) {
    openAnchor.anchor.text = openAnchor.text.trim()
    anchors.push(openAnchor.anchor)
  }
  const text = output
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return { text, anchors }
}
