
/**
 * Why a call to a network failed, in terms the job and the API can act on:
 * `auth`/`forbidden`/`config` need a person to fix the source, `rate_limited`/`unavailable`
 * mean "try again later", `bad_request`/`bad_response`/`not_supported` point at a bug or a
 * network change, `not_found` is usually a deleted account or post.
 */
export type ConnectorErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'bad_request'
  | 'unavailable'
  | 'bad_response'
  | 'not_supported'
  | 'config'

export interface ConnectorErrorOptions {
  status?: number
  /** When the network says when to come back (rate limits). */
  retryAt?: Date
  /** The network's own error name when it gives one (`ExpiredToken`, `UsageCapExceeded`, ...). */
  code?: string
  /** What the network's error body said: for the operator's log only, never in the message. */
  remoteDetail?: string
  cause?: unknown
}

/** Messages are written for a person and never carry tokens or secrets. */
export class ConnectorError extends Error {
  override readonly name: string = 'ConnectorError'
  /** The network's name (a stored source may name one Relais does not collect from). */
  readonly network: string
  readonly kind: ConnectorErrorKind
  readonly status?: number
  readonly retryAt?: Date
  readonly code?: string
  readonly remoteDetail?: string

  constructor(network: string, kind: ConnectorErrorKind, message: string, options: ConnectorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.network = network
    this.kind = kind
    if (options.status !== undefined) this.status = options.status
    if (options.retryAt !== undefined) this.retryAt = options.retryAt
    if (options.code !== undefined) this.code = options.code
    if (options.remoteDetail !== undefined) this.remoteDetail = options.remoteDetail
  }

  /** Worth retrying in a later run without anyone changing anything. */
  get transient(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable'
  }
}

/** The network has no such feature (e.g. Reddit has no follower graph). */
export class NotSupportedError extends ConnectorError {
  override readonly name: string = 'NotSupportedError'

  constructor(network: string, message: string) {
    super(network, 'not_supported', message)
  }
}

export function isConnectorError(value: unknown): value is ConnectorError {
  return value instanceof ConnectorError
}
