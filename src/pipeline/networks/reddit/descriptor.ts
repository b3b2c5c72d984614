import { z } from 'zod'
import { compileReddit } from '../../query/compile-reddit.ts'
import type { NetworkDescriptor } from '../descriptor.ts'
import { sourceUrl } from '../source-url.ts'
import { createRedditConnector } from './connector.ts'
import { REDDIT_CAPABILITIES, REDDIT_RATE_LIMIT_HEADERS } from './traits.ts'

const sourceConfig = z.strictObject({
  network: z.literal('reddit'),
  baseUrl: sourceUrl.optional().describe('Default https://oauth.reddit.com'),
  settings: z.strictObject({ tokenUrl: sourceUrl.optional() }).default({}),
  credentials: z.strictObject({ clientId: z.string().min(1).max(200), clientSecret: z.string().min(1).max(200) }),
})

export const redditNetwork: NetworkDescriptor<'reddit', z.infer<typeof sourceConfig>> = {
  name: 'reddit',
  sourceConfig,
  createConnector: (config, tuning) =>
    createRedditConnector({ ...(config.baseUrl && { baseUrl: config.baseUrl }), ...config.settings, ...config.credentials, ...tuning }),
  rateLimitHeaders: REDDIT_RATE_LIMIT_HEADERS,
  compileQuery: compileReddit,
  capabilities: REDDIT_CAPABILITIES,
}
