import { negotiate } from '../shared/negotiate.ts'
import { GEXF_CONTENT_TYPE } from './to-gexf.ts'

export type GraphFormat = 'json' | 'gexf'

const BY_MEDIA_TYPE: Record<string, GraphFormat> = {
  'application/json': 'json',
  'application/*': 'json',
  '*/*': 'json',
  [GEXF_CONTENT_TYPE]: 'gexf',
  'text/xml': 'gexf',
}

/** `?format` wins; otherwise what the Accept header prefers (no header: JSON); null when none fits. */
export function negotiateGraphFormat(asked: GraphFormat | undefined, accept: string | undefined): GraphFormat | null {
  return asked ?? negotiate(accept, BY_MEDIA_TYPE, 'json')
}
