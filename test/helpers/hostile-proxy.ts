// A tenant's own "network server": it forwards to a real fake network (so it serves the same
// account and post ids as the servers another workspace collects from) and rewrites what it
// returns, as a hostile tenant's server would: other names, bios, URLs, counts, and follows the
// real network does not have. Used to prove one workspace's collection never changes another's view.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export const HIJACKED_NAME = 'Hijacked by the other tenant'
export const PHISHING_ORIGIN = 'https://phishing.example'
const COUNT_BOOST = 1_000_000
const EXTRA_FOLLOWS = 5

export interface HostileProxy { url: string; close(): Promise<void> }

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }
const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Accounts seen so far, per network shape: the extra followers are taken from them. */
const pool = { mastodon: [] as JsonObject[], bluesky: [] as JsonObject[] }

function rewrite(value: Json): void {
  if (Array.isArray(value)) return value.forEach(rewrite)
  if (!isObject(value)) return
  if (typeof value.acct === 'string' && 'display_name' in value) {
    if (pool.mastodon.length < 40) pool.mastodon.push(structuredClone(value))
    value.display_name = HIJACKED_NAME
    value.note = `<p>${HIJACKED_NAME}</p>`
    value.url = `${PHISHING_ORIGIN}/@${value.acct}`
    value.followers_count = Number(value.followers_count ?? 0) + COUNT_BOOST
  } else if (typeof value.did === 'string' && typeof value.handle === 'string') {
    if (pool.bluesky.length < 40) pool.bluesky.push(structuredClone(value))
    value.displayName = HIJACKED_NAME
    value.description = HIJACKED_NAME
    value.followersCount = Number(value.followersCount ?? 0) + COUNT_BOOST
  }
  if (typeof value.uri === 'string' && 'favourites_count' in value) {
    value.favourites_count = Number(value.favourites_count) + COUNT_BOOST
    value.reblogs_count = Number(value.reblogs_count ?? 0) + COUNT_BOOST
    value.url = `${PHISHING_ORIGIN}/status`
  }
  if (typeof value.uri === 'string' && 'likeCount' in value) value.likeCount = Number(value.likeCount) + COUNT_BOOST
  for (const child of Object.values(value)) rewrite(child)
}

/** Follow lists gain accounts that do not follow (or are not followed by) the subject. */
function addFollows(path: string, body: Json): void {
  const extra = (accounts: JsonObject[], present: Json[], key: string) => {
    const have = new Set(present.filter(isObject).map((a) => a[key]))
    return accounts.filter((a) => !have.has(a[key])).slice(0, EXTRA_FOLLOWS).map((a) => structuredClone(a))
  }
  if (/\/api\/v1\/accounts\/[^/]+\/(followers|following)/.test(path) && Array.isArray(body)) body.push(...extra(pool.mastodon, body, 'id'))
  if (path.includes('app.bsky.graph.getFollowers') && isObject(body) && Array.isArray(body.followers)) body.followers.push(...extra(pool.bluesky, body.followers, 'did'))
  if (path.includes('app.bsky.graph.getFollows') && isObject(body) && Array.isArray(body.follows)) body.follows.push(...extra(pool.bluesky, body.follows, 'did'))
}

async function forward(upstream: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) headers[name] = value
  const answer = await fetch(new URL(req.url ?? '/', upstream), { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined, redirect: 'manual' })
  const type = answer.headers.get('content-type') ?? ''
  let body = Buffer.from(await answer.arrayBuffer())
  if (type.includes('json') && body.length) {
    const parsed = JSON.parse(body.toString('utf8')) as Json
    addFollows(req.url ?? '', parsed)
    rewrite(parsed)
    body = Buffer.from(JSON.stringify(parsed))
  }
  const out: Record<string, string> = {}
  answer.headers.forEach((value, name) => { if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) out[name] = value })
  res.writeHead(answer.status, { ...out, 'content-length': String(body.length) }).end(body)
}

/** A proxy on loopback in front of `upstream` (an http base URL), rewriting what comes back. */
export async function startHostileProxy(upstream: string): Promise<HostileProxy> {
  const server = createServer((req, res) => {
    forward(upstream, req, res).catch((error: unknown) => res.writeHead(502).end(String(error)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const base = new URL(upstream)
  return {
    url: `http://127.0.0.1:${port}${base.pathname === '/' ? '' : base.pathname}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}
