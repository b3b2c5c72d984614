// A client of a server-sent event stream that keeps what arrived, parsed as the EventSource
// specification says (fields `id`, `event`, `data`; lines starting with `:` are comments).
import { request, type IncomingMessage } from 'node:http'

export interface ServerEvent { id: string | null; event: string; data: string }

export interface EventStreamClient {
  status: number
  headers: IncomingMessage['headers']
  events: ServerEvent[]
  comments: string[]
  /** Resolves once `predicate` holds (checked as data arrives), or rejects after `timeoutMs`. */
  until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void>
  close(): void
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
}

export function openEventStream(url: string, headers: Record<string, string>): Promise<EventStreamClient> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const client: EventStreamClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: [],
        until: (predicate, timeoutMs, what) => new Promise((done, fail) => {
          if (predicate()) return done()
          const timer = setTimeout(() => { res.off('data', check); fail(new Error(`timed out waiting for ${what}`)) }, timeoutMs)
          function check() {
            if (!predicate()) return
            clearTimeout(timer)
            res.off('data', check)
            done()
          }
          res.on('data', check)
        }),
        close: () => req.destroy(),
        ended: new Promise((done) => { res.once('end', done); res.once('close', done) }),
      }
      let buffer = ''
      let current: ServerEvent = { id: null, event: 'message', data: '' }
      let lastId: string | null = null
      res.setEncoding('utf8')
      // Registered first, so `until` checks see the events of the chunk that woke them.
      res.prependListener('data', (chunk: string) => {
        buffer += chunk
        let newline: number
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline)
          buffer = buffer.slice(newline + 1)
          if (line === '') {
            if (current.data !== '' || current.event !== 'message') client.events.push({ ...current, id: current.id ?? lastId, data: current.data.replace(/\n$/, '') })
            lastId = current.id ?? lastId
            current = { id: null, event: 'message', data: '' }
          } else if (line.startsWith(':')) client.comments.push(line.slice(1).trim())
          else {
            const colon = line.indexOf(':')
            const field = colon < 0 ? line : line.slice(0, colon)
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
            if (field === 'id') current.id = value
            else if (field === 'event') current.event = value
            else if (field === 'data') current.data += `${value}\n`
          }
        }
      })
      resolve(client)
    })
    req.on('error', reject)
    req.end()
  })
}
