import { Worker } from 'node:worker_threads'

/** What the dialect needs of the embedded database: queries, in the order sent, and closing. */
export interface EmbeddedEngine {
  query<R>(sql: string, params: readonly unknown[]): Promise<{ rows: R[]; affectedRows?: number }>
  close(): Promise<void>
}

interface Pending { resolve(value: { rows: unknown[]; affectedRows?: number }): void; reject(error: Error): void }

/**
 * Starts PGlite on a thread of its own (in `dataDir`, or in memory when null) and answers once it
 * is ready. The thread holds the process open only while a query is in flight.
 */
export async function startEmbeddedThread(dataDir: string | null): Promise<EmbeddedEngine> {
  const worker = new Worker(new URL('./pglite-thread.js', import.meta.url), { workerData: { dataDir }, execArgv: [] })
  const pending = new Map<number, Pending>()
  let nextId = 1
  let stopped: Error | null = null

  const settle = () => (pending.size > 0 ? worker.ref() : worker.unref())
  const failAll = (error: Error) => {
    stopped ??= error
    for (const { reject } of pending.values()) reject(stopped)
    pending.clear()
    settle()
  }

  await new Promise<void>((resolve, reject) => {
    const onReady = (message: { ready?: boolean }) => {
      if (!message.ready) return
      worker.off('message', onReady)
      resolve()
    }
    worker.on('message', onReady)
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`The embedded database did not start (exit code ${code}).`)))
  })
  worker.removeAllListeners('error').removeAllListeners('exit')
  worker.on('error', (error) => failAll(new Error(`The embedded database stopped: ${error.message}`, { cause: error })))
  worker.on('exit', () => failAll(new Error('The embedded database is closed.')))
  worker.on('message', (message: { id: number; rows?: unknown[]; affectedRows?: number; error?: Record<string, unknown> & { message: string } }) => {
    const waiting = pending.get(message.id)
    if (!waiting) return
    pending.delete(message.id)
    settle()
    if (message.error) waiting.reject(Object.assign(new Error(message.error.message), message.error, { name: 'DatabaseError' }))
    else waiting.resolve({ rows: message.rows ?? [], ...(message.affectedRows !== undefined && { affectedRows: message.affectedRows }) })
  })
  settle()

  const send = (message: Record<string, unknown>) =>
    new Promise<{ rows: unknown[]; affectedRows?: number }>((resolve, reject) => {
      if (stopped) return reject(stopped)
      const id = nextId++
      pending.set(id, { resolve, reject })
      settle()
      worker.postMessage({ id, ...message })
    })

  return {
    query: <R>(sql: string, params: readonly unknown[]) => send({ sql, params }) as Promise<{ rows: R[]; affectedRows?: number }>,
    async close() {
      if (stopped) return
      await send({ close: true })
      worker.ref()
      await worker.terminate()
    },
  }
}
