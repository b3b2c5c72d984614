// A client that trickles its request is cut off after REQUEST_TIMEOUT_MS with a clear problem
// answer, on a real listening socket (inject never goes through Node's request deadline).
import t from 'tap'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { buildApp } from '../../src/api/app.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { createApiKey, createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { fileDatabase } from '../helpers/app.ts'

/** Sends `head` and then nothing more; resolves with everything the server wrote before closing. */
function trickle(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head))
    let received = ''
    socket.on('data', (chunk) => { received += chunk.toString('utf8') })
    socket.on('close', () => resolve(received))
    // A server that never cuts the request off: end here, and let the assertions say what came.
    socket.setTimeout(20_000, () => socket.destroy())
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(received) : reject(error)))
  })
}

t.test('a request slower than REQUEST_TIMEOUT_MS is answered 408 in the problem format', async (t) => {
  const { db } = await fileDatabase()
  const { key } = await createApiKey(db, (await createWorkspace(db, 'Slow')).id, ['write'])
  const app = await buildApp({ db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 1000, requestTimeoutMs: 1000 })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo

  const whole = await fetch(`http://127.0.0.1:${port}/healthz`)
  t.equal(whole.status, 200, 'a request that arrives whole is served')

  // An authenticated request whose body, announced as 100 bytes, stops after one.
  const answer = await trickle(port, `POST /v1/topics HTTP/1.1\r\nHost: relais.test\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`)
  const [head, body] = answer.split('\r\n\r\n')
  t.match(head, /^HTTP\/1\.1 408 /, 'status 408')
  t.match(head, /content-type: application\/problem\+json/i)
  const problem = JSON.parse(body) as Record<string, unknown>
  t.match(problem, { status: 408, code: 'request_timeout', title: 'The request took too long to arrive', detail: /did not arrive whole within 1 s \(REQUEST_TIMEOUT_MS\)/ })
  t.match(problem.requestId, /^[0-9a-f-]{36}$/)

  // Headers that never end get the same answer.
  const stalled = await trickle(port, 'GET /v1/topics HTTP/1.1\r\nHost: relais.test\r\nX-Slow: ')
  t.match(stalled, /^HTTP\/1\.1 408 [\s\S]*"code":"request_timeout"/)
})
