import { ConnectorError } from '../errors.ts'
import { networkLabel } from '../../../platform/shared/network-names.ts'
import type { CollectableNetwork } from '../../../platform/shared/network-names.ts'
import { summarizeErrorBody } from './error-body.ts'
import type { RateLimitReading } from './rate-limit-headers.ts'
import { exhaustedError, isUsageCap, statusError, usageCapError } from './response-errors.ts'
import type { AttemptFailure, RawResponse } from './send-once.ts'

/** What to do with one attempt's outcome. */
export type Verdict =
  | { kind: 'ok'; json: unknown }
  | { kind: 'redirect'; location: URL }
  /** Try again: after `until` when the network said when, else after a backoff. */
  | { kind: 'retry'; until: Date | null; giveUp: (attempts: number) => ConnectorError }
  | { kind: 'fail'; error: ConnectorError }

/**
 * Retried: 5xx, 408, 429 (except a spent usage cap) and 2xx bodies that are not JSON (truncated).
 * Not retried: other 4xx (auth, forbidden, not found, bad request), cross-origin redirects.
 */
export function judgeResponse(network: CollectableNetwork, raw: RawResponse, origin: string, reading: RateLimitReading, nowMs: number): Verdict {
  const { status } = raw
  const label = networkLabel(network)
  const path = new URL(raw.url).pathname
  if (status >= 200 && status < 300) {
    if (raw.text === '' && status === 204) return { kind: 'ok', json: null }
    try {
      return { kind: 'ok', json: JSON.parse(raw.text) }
    } catch (cause) {
      const giveUp = (attempts: number) =>
        new ConnectorError(network, 'bad_response', `${label} kept sending truncated or invalid JSON for ${path} (${attempts} attempts)`, { status, cause })
      return { kind: 'retry', until: null, giveUp }
    }
  }
  if (status >= 300 && status < 400 && raw.headers.has('location')) {
    const location = new URL(raw.headers.get('location') ?? '', raw.url)
    if (location.origin === origin) return { kind: 'redirect', location }
    const error = new ConnectorError(network, 'bad_response', `${label} redirected ${path} to another origin (${location.origin}); not followed`, { status })
    return { kind: 'fail', error }
  }
  const summary = summarizeErrorBody(raw.text, raw.headers.get('content-type'))
  const giveUp = (attempts: number) => exhaustedError(network, status, summary, attempts)
  if (status === 429) {
    if (isUsageCap(summary)) return { kind: 'fail', error: usageCapError(network, summary) }
    if (reading.retryAfterMs !== null) return { kind: 'retry', until: new Date(nowMs + reading.retryAfterMs), giveUp }
    if (reading.resetAt !== null && reading.resetAt.getTime() > nowMs) return { kind: 'retry', until: reading.resetAt, giveUp }
    return { kind: 'retry', until: null, giveUp }
  }
  if (status >= 500 || status === 408) return { kind: 'retry', until: null, giveUp }
  return { kind: 'fail', error: statusError(network, status, summary) }
}

/** No response at all (connection refused or reset, timeout, truncated body): always retried. */
export function judgeFailure(network: CollectableNetwork, origin: string, failure: AttemptFailure, timeoutMs: number, cause: unknown): Verdict {
  const what = failure.kind === 'timeout' ? `did not answer within ${timeoutMs} ms` : `could not be reached (${failure.code})`
  const giveUp = (attempts: number) =>
    new ConnectorError(network, 'unavailable', `${networkLabel(network)} at ${origin} ${what}, ${attempts} attempts; the next run will try again`, { cause })
  return { kind: 'retry', until: null, giveUp }
}
