import net from 'node:net'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'
import { openTestDatabase } from './database.ts'

/**
 * A TCP proxy in front of the PostgreSQL server, so a test can cut the database off (every
 * connection reset, new ones refused) and bring it back, without touching the shared server.
 */
export async function startTcpProxy(targetHost: string, targetPort: number) {
  const sockets = new Set<net.Socket>()
  let up = true
  const server = net.createServer((client) => {
    if (!up) return client.destroy()
    const upstream = net.connect(targetPort, targetHost)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => s.destroy())
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    /** The database "goes down": connections in use are reset and new ones dropped. */
    cut() {
      up = false
      for (const s of sockets) s.destroy()
    },
    restore() {
      up = true
    },
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()) }),
  }
}

/** The test's own database, and a second handle on it through a proxy that can cut it off. */
export async function databaseBehindProxy(t: { teardown(fn: () => unknown): void }) {
  const direct = await openTestDatabase(t)
  const target = new URL(direct.url!)
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432))
  t.teardown(() => proxy.close())
  const viaProxy = new URL(direct.url!)
  viaProxy.hostname = '127.0.0.1'
  viaProxy.port = String(proxy.port)
  const database: Database = await openDatabase({ url: viaProxy.toString(), dataDir: ':memory:', command: 'test', poolSize: 5 })
  t.teardown(() => database.close())
  return { direct, database, proxy }
}
