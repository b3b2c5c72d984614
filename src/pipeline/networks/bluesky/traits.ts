import type { ConnectorCapabilities } from '../connector.ts'
import type { RateLimitHeaderScheme } from '../http/rate-limit-headers.ts'

// How Bluesky reports its rate-limit window (see reference/network-apis.md).
export const BLUESKY_RATE_LIMIT_HEADERS: RateLimitHeaderScheme = { limit: 'ratelimit-limit', remaining: 'ratelimit-remaining', reset: 'ratelimit-reset', resetStyle: 'epoch-seconds' }

export const BLUESKY_CAPABILITIES: ConnectorCapabilities = { search: true, authorPosts: true, followGraph: true }
