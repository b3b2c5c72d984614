import { z } from 'zod'
import { NETWORK_NAMES } from '../../platform/shared/network-names.ts'

// How a client names a network, in a topic, a filter or an erasure: any of the networks Relais
// collects from or imports, in any case. The list itself is NETWORK_NAMES, kept with the labels.
const LISTED = NETWORK_NAMES.join(', ')

/** A network's name as a client may write it: any case (`Bluesky`), stored and compared lower-case. */
export const networkNameSchema = z
  .string()
  .trim()
  .max(32)
  .toLowerCase()
  .refine((name) => NETWORK_NAMES.includes(name), { error: (issue) => `"${String(issue.input)}" is not a network Relais knows; use one of ${LISTED}` })
  .describe(`A network: ${LISTED} (any case).`)

/** The optional `network` filter of a topic's lists and analytics. */
export const networkFilter = networkNameSchema.optional().describe(`Only this network: ${LISTED} (any case).`)
