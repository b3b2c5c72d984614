import { z } from 'zod'
import { COLLECTABLE_NETWORKS } from '../../pipeline/networks/model.ts'

// The networks a client may name — in a topic, a filter, an erasure. Relais collects from the
// first ones; the others reach it only through NDJSON imports (exports of Instagram, LinkedIn).
// The network registry will own this list; until then it is assembled here, once.
const IMPORT_ONLY_NETWORKS = ['instagram', 'linkedin'] as const
export const KNOWN_NETWORKS: readonly string[] = [...COLLECTABLE_NETWORKS, ...IMPORT_ONLY_NETWORKS]

const LISTED = KNOWN_NETWORKS.join(', ')

/** A network's name as a client may write it: any case (`Bluesky`), stored and compared lower-case. */
export const networkNameSchema = z
  .string()
  .trim()
  .max(32)
  .toLowerCase()
  .refine((name) => KNOWN_NETWORKS.includes(name), { error: (issue) => `"${String(issue.input)}" is not a network Relais knows; use one of ${LISTED}` })
  .describe(`A network: ${LISTED} (any case).`)

/** The optional `network` filter of a topic's lists and analytics. */
export const networkFilter = networkNameSchema.optional().describe(`Only this network: ${LISTED} (any case).`)
