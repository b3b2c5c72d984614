// Turns an HTTP request into a sandbox route call and writes the answer, with the simulated
// label and each network's rate-limit headers. Shared by every listener of the sandbox.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { SANDBOX_HEADER, SANDBOX_LABEL } from '../types.ts'
import { routeBluesky, type BlueskyHost } from './bluesky/router.ts'
import type { BlueskySessions } from './bluesky/session.ts'
import { json, type SandboxRequest, type SandboxResponse } from './http-types.ts'
import { routeMastodon } from './mastodon/router.ts'
import { blueskyRateHeaders, mastodonRateHeaders, type FixedWindowLimiter } from './rate-limit.ts'
import type { SandboxView } from './sandbox-view.ts'

/** What a listener serves: one Mastodon instance, one Bluesky host, or everything under prefixes. */
export type ListenerTarget = { kind: 'mastodon'; instance: number } | { kind: 'bluesky'; host: BlueskyHost } | { kind: 'index' }

export interface DispatchContext {
  view: SandboxView
  sessions: BlueskySessions
  limiters: { mastodon: FixedWindowLimiter; bluesky: FixedWindowLimiter }
  /** Base URLs of the dedicated listeners, for `GET /` on the index. */
  describe: () => Record<string, unknown>
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > 1_000_000) return undefined
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return undefined
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    return undefined
  }
}

function send(res: ServerResponse, response: SandboxResponse, extraHeaders: Record<string, string>): void {
  const body = response.contentType ? String(response.body) : JSON.stringify(response.body)
  res.writeHead(response.status, {
    'Content-Type': `${response.contentType ?? 'application/json'}; charset=utf-8`,
    [SANDBOX_HEADER]: 'simulated',
    ...extraHeaders,
    ...response.headers,
  })
  res.end(body)
}

/** Resolves the target and the path below it (prefix routes only exist on the index listener). */
function resolveTarget(ctx: DispatchContext, target: ListenerTarget, pathname: string): { target: ListenerTarget; path: string; prefix: string } | null {
  if (target.kind !== 'index') return { target, path: pathname, prefix: '' }
  const mastodon = /^\/mastodon\/([^/]+)(\/.*)?$/.exec(pathname)
  if (mastodon) {
    const instance = ctx.view.instanceIndex(decodeURIComponent(mastodon[1]))
    return instance < 0 ? null : { target: { kind: 'mastodon', instance }, path: mastodon[2] ?? '/', prefix: `/mastodon/${mastodon[1]}` }
  }
  const bluesky = /^\/bluesky\/(pds|appview)(\/.*)?$/.exec(pathname)
  if (bluesky) return { target: { kind: 'bluesky', host: bluesky[1] as BlueskyHost }, path: bluesky[2] ?? '/', prefix: `/bluesky/${bluesky[1]}` }
  return { target, path: pathname, prefix: '' }
}

export async function dispatch(ctx: DispatchContext, listener: ListenerTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid')
  const origin = `http://${req.headers.host ?? 'localhost'}`
  const client = `${req.headers.authorization ?? ''}|${req.socket.remoteAddress ?? ''}`
  const resolved = resolveTarget(ctx, listener, url.pathname)
  if (!resolved) return send(res, json({ error: 'Record not found' }, 404), {})
  const { target, path, prefix } = resolved
  const base = { method: req.method ?? 'GET', query: url.searchParams, headers: req.headers, baseUrl: origin + prefix, path }
  if (target.kind === 'mastodon') {
    const rate = ctx.limiters.mastodon.take(client)
    if (!rate.allowed) return send(res, json({ error: 'Too many requests' }, 429), mastodonRateHeaders(rate))
    return send(res, routeMastodon(ctx.view, target.instance, { ...base, body: undefined }), mastodonRateHeaders(rate))
  }
  if (target.kind === 'bluesky') {
    const rate = ctx.limiters.bluesky.take(client)
    if (!rate.allowed) return send(res, json({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, 429), blueskyRateHeaders(rate))
    const request: SandboxRequest = { ...base, body: req.method === 'POST' ? await readJsonBody(req) : undefined }
    return send(res, routeBluesky(ctx.view, ctx.sessions, target.host, request), blueskyRateHeaders(rate))
  }
  if (path === '/') return send(res, json({ label: SANDBOX_LABEL, simulated: true, now: ctx.view.now.toISOString(), ...ctx.describe() }), {})
  send(res, json({ error: 'Not found' }, 404), {})
}

export function internalError(res: ServerResponse): void {
  if (!res.headersSent) send(res, json({ error: 'Internal Server Error' }, 500), {})
  else res.end()
}
