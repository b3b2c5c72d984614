import { z } from 'zod'
import { compileBluesky } from '../../query/compile-bluesky.ts'
import type { NetworkDescriptor } from '../descriptor.ts'
import { sourceUrl } from '../source-url.ts'
import { JETSTREAM_SETTINGS } from './jetstream-settings.ts'
import { createBlueskyConnector } from './connector.ts'
import { BLUESKY_CAPABILITIES, BLUESKY_RATE_LIMIT_HEADERS } from './traits.ts'

const sourceConfig = z.strictObject({
  network: z.literal('bluesky'),
  baseUrl: sourceUrl.optional().describe('AppView for reads; default https://public.api.bsky.app'),
  settings: z.strictObject({ pdsUrl: sourceUrl.optional(), ...JETSTREAM_SETTINGS }).default({}),
  credentials: z.strictObject({ identifier: z.string().min(1).max(253).optional(), appPassword: z.string().min(1).max(200).optional() }).default({}),
})

export const blueskyNetwork: NetworkDescriptor<'bluesky', z.infer<typeof sourceConfig>> = {
  name: 'bluesky',
  sourceConfig,
  createConnector: (config, tuning) =>
    createBlueskyConnector({ ...(config.baseUrl && { appViewUrl: config.baseUrl }), pdsUrl: config.settings.pdsUrl, ...config.credentials, ...tuning }),
  rateLimitHeaders: BLUESKY_RATE_LIMIT_HEADERS,
  compileQuery: compileBluesky,
  capabilities: BLUESKY_CAPABILITIES,
}
