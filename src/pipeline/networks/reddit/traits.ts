import type { ConnectorCapabilities } from '../connector.ts'
import type { RateLimitHeaderScheme } from '../http/rate-limit-headers.ts'

// How Reddit reports its rate-limit window (see reference/network-apis.md).
// Reddit sends Used + Remaining (Remaining as a float string like "99.0") and Reset as seconds
// until the window ends.
export const REDDIT_RATE_LIMIT_HEADERS: RateLimitHeaderScheme = { used: 'x-ratelimit-used', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetStyle: 'seconds-until' }

export const REDDIT_CAPABILITIES: ConnectorCapabilities = { search: true, authorPosts: true, followGraph: false }
