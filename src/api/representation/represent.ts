import { Readable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../platform/shared/errors.ts'
import { ifNoneMatchHits } from '../../platform/shared/etag.ts'
import { isRendered, type Rendered, type Versioned } from '../../platform/shared/versioned.ts'
import { mediaTypeOf, negotiate, offeredList, type Offers } from './negotiate.ts'

/** JSON and nothing else: what most routes offer. */
export const JSON_ONLY = [{ format: 'json', mediaTypes: ['application/json'] }] as const satisfies Offers<'json'>

/**
 * The format to answer in: `?format=` when the route has one and the client set it, otherwise
 * what the Accept header prefers among the route's offers. 406 when it accepts none of them.
 */
export function chooseFormat<F extends string>(req: FastifyRequest, offers: Offers<F>, asked?: F): F {
  const format = asked ?? negotiate(req.headers.accept, offers)
  if (format === null) throw new AppError('not_acceptable', `This resource is available as ${offeredList(offers)}.`)
  return format
}

/**
 * Answers in the format the client asked for (406 before anything is read when none fits), with
 * what `load` returns for it: the ETag and caching headers, 304 when the client's If-None-Match
 * holds the current version (the result is then never computed), else the body — an object
 * through the route's response schema, or text the service rendered, streamed as it comes.
 */
export async function represent<F extends string, T>(
  req: FastifyRequest, reply: FastifyReply, offers: Offers<F>, load: (format: F) => Promise<Versioned<T>>, asked?: F,
): Promise<Exclude<T, Rendered> | FastifyReply> {
  const format = chooseFormat(req, offers, asked)
  const versioned = await load(format)
  reply.header('cache-control', 'private, no-cache').header('vary', offers.length > 1 ? 'Accept, Authorization, Cookie' : 'Authorization, Cookie')
  if (versioned.etag !== null) {
    reply.header('etag', versioned.etag)
    if (ifNoneMatchHits(req.headers['if-none-match'], versioned.etag)) return reply.status(304).send(null)
  }
  const result = await versioned.result()
  if (!isRendered(result)) return result as Exclude<T, Rendered>
  reply.type(`${mediaTypeOf(offers, format)}; charset=utf-8`)
  if (result.filename !== undefined) reply.header('content-disposition', `attachment; filename="${result.filename}"`)
  // Text and streams go out as they are (Fastify serialises only objects): the route's response
  // schema describes this body but does not encode it again.
  const body = result.body
  return reply.send(typeof body === 'string' || body instanceof Uint8Array ? body : Readable.from(body))
}

/** A result with no version to revalidate (computed fresh on every request). */
export const unversioned = <T>(compute: () => Promise<T>): Versioned<T> => ({ etag: null, result: compute })
