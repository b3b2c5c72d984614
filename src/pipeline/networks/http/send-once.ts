import { request, type Dispatcher } from 'undici'
import { unsafeTargetIn } from './resolve-target.ts'

export interface RawResponse {
  status: number
  headers: Headers
  text: string
  url: string
}

/** Why one attempt produced no complete response. Both are worth retrying. */
export type AttemptFailure = { kind: 'timeout' } | { kind: 'network'; code: string }

export class AttemptError extends Error {
  readonly failure: AttemptFailure
  constructor(failure: AttemptFailure, cause?: unknown) {
    super(failure.kind === 'timeout' ? 'timeout' : failure.code, { cause })
    this.failure = failure
  }
}

export interface SendInit {
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body?: string
}

function errorCode(err: unknown): string {
  let current: unknown = err
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return err instanceof Error ? err.message : 'network error'
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  return headers
}

/**
 * One HTTP exchange, body included, bounded by `timeoutMs`: the timer also covers reading the
 * body, so a server that sends headers then stalls is cut off too. A truncated body (the
 * connection closing before Content-Length bytes) surfaces as a network failure.
 */
export async function sendOnce(
  dispatcher: Dispatcher,
  url: URL,
  init: SendInit,
  timeoutMs: number,
  callerSignal?: AbortSignal,
): Promise<RawResponse> {
  callerSignal?.throwIfAborted()
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), timeoutMs)
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal
  try {
    const res = await request(url, {
      dispatcher,
      method: init.method,
      headers: init.headers,
      body: init.body ?? null,
      signal,
    })
    const text = await res.body.text()
    return { status: res.statusCode, headers: toHeaders(res.headers), text, url: url.href }
  } catch (err) {
    if (callerSignal?.aborted) throw callerSignal.reason
    // The address guard refused the connection: not a network failure, so never retried.
    const unsafe = unsafeTargetIn(err)
    if (unsafe) throw unsafe
    if (timeout.signal.aborted) throw new AttemptError({ kind: 'timeout' }, err)
    throw new AttemptError({ kind: 'network', code: errorCode(err) }, err)
  } finally {
    clearTimeout(timer)
  }
}
