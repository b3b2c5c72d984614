// XRPC parameter handling: lexicon-style validation errors and opaque cursors.
import { json, type SandboxResponse } from '../http-types.ts'
import type { SandboxView } from '../sandbox-view.ts'

export class XrpcError extends Error {
  constructor(readonly status: number, readonly error: string, message: string) {
    super(message)
  }

  toResponse(): SandboxResponse {
    return json({ error: this.error, message: this.message }, this.status)
  }
}

export function invalidRequest(message: string): XrpcError {
  return new XrpcError(400, 'InvalidRequest', message)
}

export function requiredParam(query: URLSearchParams, name: string): string {
  const value = query.get(name)
  if (value === null || value === '') throw invalidRequest(`Params must have the property "${name}"`)
  return value
}

/** Lexicon integers are validated, not clamped. */
export function xrpcLimit(query: URLSearchParams, fallback: number, max: number): number {
  const raw = query.get('limit')
  if (raw === null) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value)) throw invalidRequest('limit must be an integer')
  if (value < 1) throw invalidRequest('limit can not be less than 1')
  if (value > max) throw invalidRequest(`limit can not be greater than ${max}`)
  return value
}

/** An account of the Bluesky side by handle or DID. */
export function blueskyActor(view: SandboxView, actor: string): number | null {
  const account = view.findAccount(actor)
  return account !== null && view.data.accounts[account].network === 'bluesky' ? account : null
}

export function encodeCursor(position: number): string {
  return Buffer.from(`sbx:${position}`).toString('base64url')
}

/** Position encoded in a cursor; null without one; throws on a malformed one. */
export function decodeCursor(query: URLSearchParams): number | null {
  const raw = query.get('cursor')
  if (raw === null || raw === '') return null
  const match = /^sbx:(\d+)$/.exec(Buffer.from(raw, 'base64url').toString())
  if (!match) throw invalidRequest('Malformed cursor')
  return Number(match[1])
}

/** `since`/`until`: a datetime or a `YYYY-MM-DD` date. */
export function dateParam(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name)
  if (raw === null || raw === '') return null
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00.000Z` : raw)
  if (Number.isNaN(ms)) throw invalidRequest(`${name} must be a valid datetime`)
  return ms
}
