import { z } from 'zod'
import { compileMastodon } from '../../query/compile-mastodon.ts'
import type { NetworkDescriptor } from '../descriptor.ts'
import { sourceUrl } from '../source-url.ts'
import { createMastodonConnector } from './connector.ts'
import { MASTODON_CAPABILITIES, MASTODON_RATE_LIMIT_HEADERS } from './traits.ts'

const sourceConfig = z.strictObject({
  network: z.literal('mastodon'),
  baseUrl: sourceUrl.describe('The instance, e.g. https://mastodon.social'),
  settings: z.strictObject({
    localDomain: z.string().max(253).optional(),
    // A string, as every source setting is: 'on' reads the instance's hashtag streams while relais stream runs.
    streaming: z.enum(['on', 'off']).optional().describe("'on': collect this source live from the instance's streaming API as well, while relais stream runs (needs a user's accessToken)"),
  }).default({}),
  credentials: z.strictObject({ accessToken: z.string().min(1).max(500).optional() }).default({}),
})

export const mastodonNetwork: NetworkDescriptor<'mastodon', z.infer<typeof sourceConfig>> = {
  name: 'mastodon',
  sourceConfig,
  createConnector: (config, tuning) => createMastodonConnector({ baseUrl: config.baseUrl, ...config.credentials, localDomain: config.settings.localDomain, ...tuning }),
  rateLimitHeaders: MASTODON_RATE_LIMIT_HEADERS,
  compileQuery: compileMastodon,
  capabilities: MASTODON_CAPABILITIES,
}
