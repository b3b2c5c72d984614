import { GEXF_CONTENT_TYPE } from '../../insight/graph-export/to-gexf.ts'
import type { Offers } from './negotiate.ts'

// The media types of the routes that offer more than JSON. The first offer is the default.

/** Ranked lists (influencers, relays, prospects): a page as JSON, or the whole list streamed. */
export const RANKED_LIST_OFFERS = [
  { format: 'json', mediaTypes: ['application/json'] },
  { format: 'csv', mediaTypes: ['text/csv'] },
  { format: 'ndjson', mediaTypes: ['application/x-ndjson', 'application/ndjson'] },
] as const satisfies Offers<'json' | 'csv' | 'ndjson'>

/** The topic graph: JSON, or GEXF for Gephi. */
export const GRAPH_OFFERS = [
  { format: 'json', mediaTypes: ['application/json'] },
  { format: 'gexf', mediaTypes: [GEXF_CONTENT_TYPE, 'text/xml'] },
] as const satisfies Offers<'json' | 'gexf'>
