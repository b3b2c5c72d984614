import { negotiate, type Offer } from '../../platform/shared/negotiate.ts'
import { GEXF_CONTENT_TYPE } from './to-gexf.ts'

export type GraphFormat = 'json' | 'gexf'

const OFFERS: Offer<GraphFormat>[] = [
  { format: 'json', mediaTypes: ['application/json'] },
  { format: 'gexf', mediaTypes: [GEXF_CONTENT_TYPE, 'text/xml'] },
]

/** `?format` wins; otherwise what the Accept header prefers (no header: JSON); null when none fits. */
export function negotiateGraphFormat(asked: GraphFormat | undefined, accept: string | undefined): GraphFormat | null {
  return asked ?? negotiate(accept, OFFERS)
}
