// The REST calls a Mastodon stream reader makes: where the instance streams from, and the tag
// timelines it pages on every (re)connection, through the connectors' HTTP client (address
// policy, retries, rate-limit windows, bounded bodies).
import { z } from 'zod'
import { createHttpClient, type HttpClient } from '../../networks/http.ts'
import type { AddressPolicy } from '../../networks/http/address-policy.ts'
import { mastodonStatusListSchema, type MastodonStatus } from '../../networks/mastodon/schemas.ts'
import { MASTODON_RATE_LIMIT_HEADERS } from '../../networks/mastodon/traits.ts'

/** Statuses per tag timeline page: Mastodon's most (twice its default). */
export const TAG_PAGE_LIMIT = 40

const instanceSchema = z.object({
  configuration: z.object({ urls: z.object({ streaming: z.string().max(2000).nullish() }).partial().nullish() }).partial().nullish(),
})

export function instanceClient(baseUrl: string, accessToken: string, policy: AddressPolicy, timeoutMs = 15_000): HttpClient {
  return createHttpClient({
    network: 'mastodon',
    baseUrl,
    rateLimitHeaders: MASTODON_RATE_LIMIT_HEADERS,
    headers: () => ({ authorization: `Bearer ${accessToken}` }),
    addressPolicy: policy,
    timeoutMs,
    maxRetries: 2,
  })
}

/**
 * `configuration.urls.streaming` of `/api/v2/instance` (a separate host on large instances); the
 * instance's own origin, as ws(s)://, when it names none.
 */
export async function streamingBaseUrl(http: HttpClient, baseUrl: string, signal: AbortSignal): Promise<string> {
  const { body } = await http.getJson('/api/v2/instance', {}, instanceSchema, { signal })
  const named = body.configuration?.urls?.streaming
  const url = new URL(named && URL.canParse(named) ? named : baseUrl)
  if (url.protocol === 'https:') url.protocol = 'wss:'
  if (url.protocol === 'http:') url.protocol = 'ws:'
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') throw new Error(`The instance names a streaming URL that is not a WebSocket URL (${url.protocol}).`)
  return url.origin + url.pathname.replace(/\/+$/, '')
}

/**
 * One page of a tag timeline: the statuses just after `minId` (or the newest when null), newest
 * first, at most TAG_PAGE_LIMIT.
 */
export async function tagPageAfter(http: HttpClient, tag: string, minId: string | null, signal: AbortSignal): Promise<MastodonStatus[]> {
  const path = `/api/v1/timelines/tag/${encodeURIComponent(tag)}`
  const { body } = await http.getJson(path, { limit: TAG_PAGE_LIMIT, min_id: minId ?? undefined }, mastodonStatusListSchema, { signal })
  return body
}
