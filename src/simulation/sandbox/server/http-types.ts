// The small request/response model the sandbox routes work with, independent of node:http so
// each route is a plain function.
import type { IncomingHttpHeaders } from 'node:http'

export interface SandboxRequest {
  method: string
  /** Path below the network prefix, e.g. `/api/v1/timelines/tag/velo` or `/xrpc/app.bsky.feed.searchPosts`. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** Parsed JSON body, or undefined. */
  body: unknown
  /** Absolute URL of the network prefix as the client reached it, for Link headers. */
  baseUrl: string
}

export interface SandboxResponse {
  status: number
  /** Serialised as JSON unless `contentType` says otherwise (then it must be a string). */
  body: unknown
  headers?: Record<string, string>
  contentType?: string
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): SandboxResponse {
  return { status, body, headers }
}

export function bearerToken(request: SandboxRequest): string | null {
  const header = request.headers.authorization
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null
  return match ? match[1] : null
}

/** Integer query parameter clamped into [1, max], `fallback` when absent or invalid. */
export function limitParam(query: URLSearchParams, fallback: number, max: number): number {
  const value = Number.parseInt(query.get('limit') ?? '', 10)
  if (!Number.isFinite(value) || value === 0) return fallback
  return Math.min(Math.abs(value), max)
}

/** Boolean query parameter the way Rails reads it. */
export function flagParam(query: URLSearchParams, name: string): boolean {
  const value = query.get(name)
  return value === 'true' || value === '1'
}
