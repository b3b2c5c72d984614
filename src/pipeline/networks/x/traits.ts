import type { ConnectorCapabilities } from '../connector.ts'
import type { RateLimitHeaderScheme } from '../http/rate-limit-headers.ts'

// How X reports its rate-limit window (see reference/network-apis.md).
export const X_RATE_LIMIT_HEADERS: RateLimitHeaderScheme = { limit: 'x-rate-limit-limit', remaining: 'x-rate-limit-remaining', reset: 'x-rate-limit-reset', resetStyle: 'epoch-seconds' }

export const X_CAPABILITIES: ConnectorCapabilities = { search: true, authorPosts: true, followGraph: true }
