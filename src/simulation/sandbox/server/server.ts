// startSandboxServer: node:http listeners on 127.0.0.1, one per Mastodon instance and one each
// for the Bluesky PDS and AppView and one for Bluesky's Jetstream (jetstream-listener.ts), so
// every base URL is a bare origin like a real server's.
// An index listener also serves everything under `/mastodon/<domain>` and `/bluesky/{pds,appview}`
// and describes the sandbox at `GET /`. Every response says it is simulated.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SandboxData } from '../types.ts'
import { BlueskySessions } from './bluesky/session.ts'
import { dispatch, internalError, type DispatchContext, type ListenerTarget } from './dispatch.ts'
import { startJetstreamListener } from './jetstream-listener.ts'
import { startLiveClock } from './live-clock.ts'
import { FixedWindowLimiter, type RateLimitOptions } from './rate-limit.ts'
import { SandboxView } from './sandbox-view.ts'

export interface SandboxServerOptions {
  data: SandboxData
  /** Port of the index listener (0: any free port); the others always take free ports. */
  port?: number
  host?: string
  /** Per-client budgets; generous by default. */
  rateLimits?: { mastodon?: RateLimitOptions; bluesky?: RateLimitOptions }
  /** Lifetime of Bluesky access tokens (wall clock). */
  accessTokenTtlSeconds?: number
  /** Told of every request a listener receives (benches count what a collection asked). */
  onRequest?: (request: { method: string; url: string }) => void
  /**
   * Let sandbox time pass with the wall clock (live-clock.ts), so the posts generated after its
   * present appear as their time comes; default: time stands still until `advance`.
   */
  liveClock?: boolean
}

export interface SandboxServer {
  /** Base URL of a Mastodon instance (default: the first); its account domain is in `/api/v2/instance`. */
  mastodonUrl(instanceDomain?: string): string
  blueskyAppViewUrl: string
  blueskyPdsUrl: string
  /** Bluesky's Jetstream (ws://…; `/subscribe`), publishing the Bluesky posts as sandbox time reaches them. */
  blueskyJetstreamUrl: string
  /** The index listener; `GET /` describes the sandbox. */
  url: string
  /** Moves sandbox time forward, revealing posts generated after `now`. */
  advance(hours: number): void
  /** Current sandbox time. */
  now(): Date
  close(): Promise<void>
}

const DEFAULT_LIMIT: RateLimitOptions = { limit: 100_000, windowSeconds: 300 }

async function listen(ctx: DispatchContext, target: ListenerTarget, port: number, host: string, onRequest?: SandboxServerOptions['onRequest']): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    onRequest?.({ method: req.method ?? 'GET', url: req.url ?? '/' })
    dispatch(ctx, target, req, res).catch(() => internalError(res))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const hostName = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return { server, url: `http://${hostName}:${address.port}` }
}

export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1'
  const view = new SandboxView(options.data)
  const urls: { mastodon: Record<string, string>; pds: string; appview: string; jetstream: string } = { mastodon: {}, pds: '', appview: '', jetstream: '' }
  const ctx: DispatchContext = {
    view,
    sessions: new BlueskySessions(options.data.seedHash, options.accessTokenTtlSeconds ?? 7200),
    limiters: {
      mastodon: new FixedWindowLimiter(options.rateLimits?.mastodon ?? DEFAULT_LIMIT),
      bluesky: new FixedWindowLimiter(options.rateLimits?.bluesky ?? DEFAULT_LIMIT),
    },
    describe: () => ({ mastodon: urls.mastodon, bluesky: { pds: urls.pds, appview: urls.appview, jetstream: urls.jetstream } }),
  }
  const index = await listen(ctx, { kind: 'index' }, options.port ?? 0, host, options.onRequest)
  const servers = [index.server]
  for (const [instance, domain] of options.data.instances.entries()) {
    const listener = await listen(ctx, { kind: 'mastodon', instance }, 0, host, options.onRequest)
    servers.push(listener.server)
    urls.mastodon[domain] = listener.url
  }
  for (const blueskyHost of ['pds', 'appview'] as const) {
    const listener = await listen(ctx, { kind: 'bluesky', host: blueskyHost }, 0, host, options.onRequest)
    servers.push(listener.server)
    urls[blueskyHost] = listener.url
  }
  const jetstream = await startJetstreamListener(view, host, options.onRequest)
  urls.jetstream = jetstream.url
  const stopClock = options.liveClock ? startLiveClock(view) : () => {}
  return {
    mastodonUrl: (domain = options.data.instances[0]) => {
      const url = urls.mastodon[domain.toLowerCase()]
      if (!url) throw new Error(`unknown sandbox instance: ${domain}`)
      return url
    },
    blueskyAppViewUrl: urls.appview,
    blueskyPdsUrl: urls.pds,
    blueskyJetstreamUrl: jetstream.url,
    url: index.url,
    advance: (hours) => view.advance(hours),
    now: () => view.now,
    close: async () => {
      stopClock()
      await jetstream.close()
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve, reject) => {
              server.close((error) => (error ? reject(error) : resolve()))
              server.closeAllConnections()
            }),
        ),
      )
    },
  }
}
