import { GEXF_CONTENT_TYPE } from './to-gexf.ts'

export type GraphFormat = 'json' | 'gexf'

const BY_MEDIA_TYPE: Record<string, GraphFormat> = {
  'application/json': 'json',
  'application/*': 'json',
  '*/*': 'json',
  [GEXF_CONTENT_TYPE]: 'gexf',
  'text/xml': 'gexf',
}

/**
 * `?format` wins; otherwise the Accept header's most preferred type this route can produce
 * (no header: JSON). null when Accept names only types it cannot.
 */
export function negotiateGraphFormat(asked: GraphFormat | undefined, accept: string | undefined): GraphFormat | null {
  if (asked) return asked
  if (!accept?.trim()) return 'json'
  let best: { format: GraphFormat; q: number; specific: boolean } | null = null
  for (const part of accept.split(',')) {
    const [type, ...parameters] = part.trim().toLowerCase().split(';').map((s) => s.trim())
    const format = BY_MEDIA_TYPE[type]
    if (!format) continue
    const qParam = parameters.find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    if (!(q > 0)) continue
    const specific = !type.includes('*')
    if (!best || q > best.q || (q === best.q && specific && !best.specific)) best = { format, q, specific }
  }
  return best?.format ?? null
}
