import type { FastifyReply, FastifyRequest } from 'fastify'
import { ifNoneMatchHits } from '../../../platform/shared/etag.ts'
import type { Versioned } from '../../../insight/analytics/cache/versioned-cache.ts'

/** Answers 304 when the client holds the current version, else the (possibly cached) result. */
export async function sendVersioned<T>(req: FastifyRequest, reply: FastifyReply, versioned: Versioned<T>): Promise<T | FastifyReply> {
  reply.header('etag', versioned.etag).header('cache-control', 'private, no-cache').header('vary', 'Authorization, Cookie')
  if (ifNoneMatchHits(req.headers['if-none-match'], versioned.etag)) {
    return reply.status(304).send(null)
  }
  return versioned.result()
}
