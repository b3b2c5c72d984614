import { z } from 'zod'
import { compileX } from '../../query/compile-x.ts'
import type { NetworkDescriptor } from '../descriptor.ts'
import { sourceUrl } from '../source-url.ts'
import { createXConnector } from './connector.ts'
import { X_CAPABILITIES, X_RATE_LIMIT_HEADERS } from './traits.ts'

const sourceConfig = z.strictObject({
  network: z.literal('x'),
  baseUrl: sourceUrl.optional().describe('Default https://api.x.com'),
  settings: z.strictObject({}).default({}),
  credentials: z.strictObject({ bearerToken: z.string().min(1).max(1000) }),
})

export const xNetwork: NetworkDescriptor<'x', z.infer<typeof sourceConfig>> = {
  name: 'x',
  sourceConfig,
  createConnector: (config, tuning) => createXConnector({ ...(config.baseUrl && { baseUrl: config.baseUrl }), ...config.credentials, ...tuning }),
  rateLimitHeaders: X_RATE_LIMIT_HEADERS,
  compileQuery: compileX,
  capabilities: X_CAPABILITIES,
}
