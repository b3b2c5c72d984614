import type { ConnectorCapabilities } from '../connector.ts'
import type { RateLimitHeaderScheme } from '../http/rate-limit-headers.ts'

// How Mastodon reports its rate-limit window (see reference/network-apis.md).
export const MASTODON_RATE_LIMIT_HEADERS: RateLimitHeaderScheme = { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetStyle: 'iso' }

export const MASTODON_CAPABILITIES: ConnectorCapabilities = { search: true, authorPosts: true, followGraph: true }
