import { randomUUID } from 'node:crypto'
import type { Socket } from 'node:net'
import { ERROR_CATALOGUE } from '../platform/shared/errors.ts'
import { PROBLEM_CONTENT_TYPE } from './problem.ts'

// Errors Node's HTTP server meets before a request reaches Fastify's routing (a request that
// does not arrive whole in time, headers too large, bytes that are not HTTP): answered in the
// problem format every other error uses, saying what happened, then the connection is closed.

/**
 * How often the server looks for requests past their deadline. Node checks every 30 s by default,
 * so a 60 s limit could let a trickling client hold on for 90 s; a tenth of the limit keeps the
 * overrun small at the cost of one walk over open connections per check.
 */
export const connectionsCheckingInterval = (requestTimeoutMs: number) => Math.max(100, Math.min(5_000, Math.round(requestTimeoutMs / 10)))

export function clientErrorHandler(requestTimeoutMs: number) {
  return function onClientError(error: Error & { code?: string }, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return
    const seconds = Math.round(requestTimeoutMs / 100) / 10
    const [status, code, title, detail] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', ERROR_CATALOGUE.request_timeout.title, `The request did not arrive whole within ${seconds} s (REQUEST_TIMEOUT_MS): send it again, faster.`]
        : [400, 'validation_failed', ERROR_CATALOGUE.validation_failed.title, error.code === 'HPE_HEADER_OVERFLOW' ? 'The request headers are larger than this server accepts.' : 'The request is not valid HTTP.']
    const body = JSON.stringify({ type: `https://relais.dev/problems/${code.replaceAll('_', '-')}`, title, status, detail, code, requestId: randomUUID() })
    if (socket.writable) {
      socket.end(`HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
    }
    socket.destroySoon()
  }
}
