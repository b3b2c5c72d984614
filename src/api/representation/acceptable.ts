import type { FastifyRequest } from 'fastify'
import { chooseFormat, JSON_ONLY } from './represent.ts'

/**
 * For routes that answer in one media type only (most of them: JSON): a client whose Accept
 * header refuses it (`Accept: text/csv` on the mention feed) gets 406 before anything is read,
 * never a JSON body it did not ask for. Routes that offer several formats negotiate in
 * `represent` instead. No Accept header, `*` wildcards or `application/json` all pass.
 */
export async function refuseUnacceptable(request: FastifyRequest): Promise<void> {
  const produces = (request.routeOptions.schema as { produces?: readonly string[] } | undefined)?.produces
  if (produces && produces.length > 1) return
  const only = produces?.[0]
  chooseFormat(request, only ? [{ format: 'only', mediaTypes: [only] }] : JSON_ONLY)
}
