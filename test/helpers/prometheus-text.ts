// A reader of the Prometheus text exposition format (version 0.0.4, prometheus.io "Exposition
// formats"), strict where a scraper would be: every line is a HELP, a TYPE, a comment or a sample;
// names and label names follow the data model; label values use only the \\, \" and \n escapes;
// a metric's TYPE comes once and before its samples; the text ends with a line feed.

export interface Sample { name: string; labels: Record<string, string>; value: number }
export interface Exposition { types: Map<string, string>; help: Map<string, string>; samples: Sample[] }

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped'])

function parseValue(text: string, line: number): number {
  if (text === 'NaN') return Number.NaN
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY
  if (text === '-Inf') return Number.NEGATIVE_INFINITY
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`line ${line}: "${text}" is not a sample value`)
  return Number(text)
}

/** The metric family a sample belongs to (histogram and summary samples carry suffixes). */
function familyOf(name: string, types: Map<string, string>): string {
  if (types.has(name)) return name
  const base = name.replace(/_(bucket|sum|count)$/, '')
  return types.has(base) ? base : name
}

function parseLabels(text: string, line: number): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {}
  let i = 1
  for (;;) {
    while (text[i] === ' ') i++
    if (text[i] === '}') return { labels, rest: text.slice(i + 1) }
    const eq = text.indexOf('=', i)
    if (eq < 0) throw new Error(`line ${line}: a label without a value`)
    const name = text.slice(i, eq).trim()
    if (!LABEL_NAME.test(name)) throw new Error(`line ${line}: "${name}" is not a label name`)
    if (text[eq + 1] !== '"') throw new Error(`line ${line}: label ${name}'s value is not quoted`)
    let value = ''
    let j = eq + 2
    for (; j < text.length && text[j] !== '"'; j++) {
      if (text[j] !== '\\') { value += text[j]; continue }
      const escaped = text[++j]
      if (escaped === '\\') value += '\\'
      else if (escaped === '"') value += '"'
      else if (escaped === 'n') value += '\n'
      else throw new Error(`line ${line}: "\\${escaped}" is not an escape of the format`)
    }
    if (j >= text.length) throw new Error(`line ${line}: label ${name}'s value is not closed`)
    if (name in labels) throw new Error(`line ${line}: label ${name} twice`)
    labels[name] = value
    i = j + 1
    if (text[i] === ',') i++
    else if (text[i] !== '}') throw new Error(`line ${line}: expected , or } after label ${name}`)
  }
}

export function parsePrometheusText(text: string): Exposition {
  if (!text.endsWith('\n')) throw new Error('the text does not end with a line feed')
  const result: Exposition = { types: new Map(), help: new Map(), samples: [] }
  const sampled = new Set<string>()
  text.slice(0, -1).split('\n').forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '') return
    if (trimmed.startsWith('#')) {
      const [, keyword, name, ...rest] = trimmed.split(/[ \t]+/)
      if (keyword === 'HELP') {
        if (!METRIC_NAME.test(name ?? '')) throw new Error(`line ${line}: HELP of "${name}"`)
        if (result.help.has(name)) throw new Error(`line ${line}: a second HELP for ${name}`)
        result.help.set(name, rest.join(' '))
      } else if (keyword === 'TYPE') {
        if (!METRIC_NAME.test(name ?? '') || rest.length !== 1 || !TYPES.has(rest[0])) throw new Error(`line ${line}: bad TYPE line "${trimmed}"`)
        if (result.types.has(name)) throw new Error(`line ${line}: a second TYPE for ${name}`)
        if (sampled.has(name)) throw new Error(`line ${line}: TYPE of ${name} after its samples`)
        result.types.set(name, rest[0])
      }
      return
    }
    const nameEnd = trimmed.search(/[{ \t]/)
    if (nameEnd < 0) throw new Error(`line ${line}: a sample without a value`)
    const name = trimmed.slice(0, nameEnd)
    if (!METRIC_NAME.test(name)) throw new Error(`line ${line}: "${name}" is not a metric name`)
    let rest = trimmed.slice(nameEnd)
    let labels: Record<string, string> = {}
    if (rest.startsWith('{')) ({ labels, rest } = parseLabels(rest, line))
    const tokens = rest.trim().split(/[ \t]+/)
    if (tokens.length < 1 || tokens.length > 2 || tokens[0] === '') throw new Error(`line ${line}: expected a value and an optional timestamp`)
    if (tokens[1] !== undefined && !/^-?\d+$/.test(tokens[1])) throw new Error(`line ${line}: "${tokens[1]}" is not a timestamp`)
    sampled.add(familyOf(name, result.types))
    result.samples.push({ name, labels, value: parseValue(tokens[0], line) })
  })
  return result
}
