// Turns the sanitised HTML networks send (Mastodon `content`, Reddit `*_html`) into plain text,
// keeping the anchors so callers can tell links from mentions and hashtags. htmlparser2 reads the
// markup (in one linear pass, entities decoded, unbalanced tags closed); this file only decides
// what a tag means for the text.
import { Parser } from 'htmlparser2'

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

const BLOCK_ELEMENTS = new Set(['p', 'div', 'blockquote', 'pre', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const PARAGRAPH_ELEMENTS = new Set(['p', 'blockquote', 'pre', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const SKIPPED_ELEMENTS = new Set(['script', 'style'])

const words = (value: string | undefined): string[] => (value ?? '').split(/\s+/).filter((word) => word.length > 0)

export function htmlToText(html: string, options: HtmlToTextOptions = {}): HtmlToTextResult {
  const dropClasses = new Set(options.dropClasses ?? [])
  const anchors: HtmlAnchor[] = []
  const parts: string[] = []
  let started = false
  /** Newlines at the end of what is written so far (kept as a count: no rescan of the output). */
  let trailingNewlines = 0
  /** Elements open inside a dropped or skipped element, the dropping one included. */
  let hiddenDepth = 0
  let openAnchor: { anchor: HtmlAnchor; text: string } | null = null

  const write = (text: string) => {
    if (text.length === 0) return
    parts.push(text)
    started = true
    const trimmed = text.replace(/\n+$/, '')
    trailingNewlines = trimmed.length === 0 ? trailingNewlines + text.length : text.length - trimmed.length
  }
  const breakLine = (count: number) => {
    if (started && trailingNewlines < count) write('\n'.repeat(count - trailingNewlines))
  }
  const closeAnchor = () => {
    if (openAnchor === null) return
    openAnchor.anchor.text = openAnchor.text.trim()
    anchors.push(openAnchor.anchor)
    openAnchor = null
  }

  const parser = new Parser({
    onopentag(name, attributes) {
      if (hiddenDepth > 0) {
        hiddenDepth++
        return
      }
      const classes = words(attributes.class)
      if (SKIPPED_ELEMENTS.has(name) || classes.some((c) => dropClasses.has(c))) {
        hiddenDepth = 1
        return
      }
      if (name === 'br') write('\n')
      else if (BLOCK_ELEMENTS.has(name)) breakLine(PARAGRAPH_ELEMENTS.has(name) ? 2 : 1)
      if (name === 'a') {
        closeAnchor()
        const href = attributes.href
        openAnchor = href === undefined ? null : { anchor: { href, text: '', classes, rel: words(attributes.rel) }, text: '' }
      }
    },
    ontext(raw) {
      if (hiddenDepth > 0) return
      // Whitespace runs carry no meaning in HTML (a non-breaking space reads as a space too).
      const text = raw.replace(/\s+/g, ' ')
      write(text)
      if (openAnchor !== null) openAnchor.text += text
    },
    onclosetag(name) {
      if (hiddenDepth > 0) {
        hiddenDepth--
        return
      }
      if (name === 'a') closeAnchor()
      if (BLOCK_ELEMENTS.has(name)) breakLine(PARAGRAPH_ELEMENTS.has(name) ? 2 : 1)
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true })
  parser.write(html)
  parser.end()
  closeAnchor()

  const text = parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return { text, anchors }
}
