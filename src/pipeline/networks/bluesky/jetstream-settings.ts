import { z } from 'zod'

// A Bluesky source's live collection settings: off unless asked for, and where to read.

/** Public Jetstream instances (shared/reference/network-apis.md §3.7), tried in turn. */
export const PUBLIC_JETSTREAM_INSTANCES = [
  'wss://jetstream1.us-east.bsky.network',
  'wss://jetstream2.us-east.bsky.network',
  'wss://jetstream1.us-west.bsky.network',
  'wss://jetstream2.us-west.bsky.network',
] as const

const jetstreamUrl = z.url({ protocol: /^wss?$/ }).max(2000)
  .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), 'no user or password in the URL')
  .describe('Jetstream instance, wss://host or ws://host:port (a URL ending in /subscribe is accepted); default: the public instances')

export const JETSTREAM_SETTINGS = {
  // A string, as every source setting is: 'on' collects the source live (relais stream, and relais serve unless STREAMING=off).
  streaming: z.enum(['on', 'off']).optional().describe("'on': collect this source live from Jetstream as well, while relais stream (or relais serve, unless STREAMING=off) runs"),
  jetstreamUrl: jetstreamUrl.optional(),
}

export function streamsLive(settings: { streaming?: string }): boolean {
  return settings.streaming === 'on'
}

/** The instances to read, in order: the source's own, or the public ones. */
export function jetstreamInstances(settings: { jetstreamUrl?: string }): string[] {
  return settings.jetstreamUrl ? [settings.jetstreamUrl] : [...PUBLIC_JETSTREAM_INSTANCES]
}

/** The collections read live: posts, and follows (applied to the graph when they touch a tracked account). */
export const STREAMED_COLLECTIONS = ['app.bsky.feed.post', 'app.bsky.graph.follow'] as const

/** `/subscribe` on the instance, for the streamed collections, from `cursorUs` (unix µs) when given. */
export function subscribeUrl(instance: string, cursorUs: number | null): URL {
  const url = new URL(instance)
  url.pathname = url.pathname.replace(/\/subscribe\/?$/, '').replace(/\/$/, '') + '/subscribe'
  url.search = ''
  for (const collection of STREAMED_COLLECTIONS) url.searchParams.append('wantedCollections', collection)
  if (cursorUs !== null) url.searchParams.set('cursor', String(Math.max(0, Math.floor(cursorUs))))
  return url
}
