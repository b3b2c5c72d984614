import type { z } from 'zod'
import { ConnectorError } from '../errors.ts'
import { networkLabel } from '../../../platform/shared/network-names.ts'
import type { CollectableNetwork } from '../../../platform/shared/network-names.ts'
import type { ErrorBodySummary } from './error-body.ts'

// What a remote server wrote in an error body is never put in the message: messages reach
// tenants (job runs, API answers), and a body is whatever the server chose to send — or, for a
// server that should not have been reached, what it holds. The operator's log gets it as
// `remoteDetail` (see withCode).
function head(network: CollectableNetwork, status: number, summary: ErrorBodySummary): string {
  const label = networkLabel(network)
  if (summary.html) return `${label} answered ${status} with an HTML page (not JSON)`
  return `${label} answered ${status}`
}

function withCode(summary: ErrorBodySummary, status: number) {
  return { status, ...(summary.code !== null && { code: summary.code }), ...(summary.message !== null && { remoteDetail: summary.message }) }
}

/** A final (not retried) error status turned into an error a person can act on. */
export function statusError(network: CollectableNetwork, status: number, summary: ErrorBodySummary): ConnectorError {
  const said = head(network, status, summary)
  const options = withCode(summary, status)
  if (status === 401) {
    return new ConnectorError(network, 'auth', `${said} — the credentials of this source were refused; check them`, options)
  }
  if (status === 403) {
    const hint = summary.html
      ? 'a proxy or CDN in front of the API refused this client'
      : 'the credentials of this source are not allowed to read this'
    return new ConnectorError(network, 'forbidden', `${said} — ${hint}`, options)
  }
  if (status === 404 || status === 410) {
    return new ConnectorError(network, 'not_found', `${said} — it does not exist or is no longer visible`, options)
  }
  return new ConnectorError(network, 'bad_request', `${said} — the request was rejected`, options)
}

export function exhaustedError(network: CollectableNetwork, status: number, summary: ErrorBodySummary, attempts: number): ConnectorError {
  return new ConnectorError(
    network,
    'unavailable',
    `${head(network, status, summary)} — still failing after ${attempts} attempts; the next run will try again`,
    withCode(summary, status),
  )
}

/** X answers 429 for a spent monthly cap too; waiting minutes will not help there. */
export function isUsageCap(summary: ErrorBodySummary): boolean {
  return summary.code === 'UsageCapExceeded' || (summary.problemType ?? '').includes('usage-capped')
}

export function usageCapError(network: CollectableNetwork, summary: ErrorBodySummary): ConnectorError {
  const period = typeof summary.json?.period === 'string' ? ` (${summary.json.period.toLowerCase()} cap)` : ''
  return new ConnectorError(
    network,
    'rate_limited',
    `${networkLabel(network)} usage cap exceeded${period}: no more reads until the cap resets or the plan is raised`,
    { status: 429, code: summary.code ?? 'UsageCapExceeded' },
  )
}

export function rateLimitTooLongError(network: CollectableNetwork, waitMs: number, maxWaitMs: number, retryAt: Date): ConnectorError {
  const minutes = (ms: number) => `${Math.ceil(ms / 60_000)} min`
  return new ConnectorError(
    network,
    'rate_limited',
    `${networkLabel(network)} rate limit is spent until ${retryAt.toISOString()} (${minutes(waitMs)}), ` +
      `longer than the ${minutes(maxWaitMs)} a request may wait; the next run will continue from the checkpoint`,
    { status: 429, retryAt },
  )
}

export function schemaMismatchError(network: CollectableNetwork, url: URL, error: z.ZodError): ConnectorError {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')
    return `at ${path || '(root)'}: ${issue.message}`
  })
  return new ConnectorError(
    network,
    'bad_response',
    `${networkLabel(network)} sent a response of an unexpected shape for ${url.pathname} (${issues.join('; ')})`,
    { cause: error },
  )
}
