import { z } from 'zod'
import { compileX } from '../../query/compile-x.ts'
import type { NetworkDescriptor } from '../descriptor.ts'
import { sourceUrl } from '../source-url.ts'
import { createXConnector } from './connector.ts'
import { X_CAPABILITIES, X_RATE_LIMIT_HEADERS } from './traits.ts'
import { X_READ_SETTINGS, xReadBudgets } from './billed-reads.ts'

const sourceConfig = z.strictObject({
  network: z.literal('x'),
  baseUrl: sourceUrl.optional().describe('Default https://api.x.com'),
  settings: z.strictObject(X_READ_SETTINGS).default({}),
  credentials: z.strictObject({ bearerToken: z.string().min(1).max(1000) }),
})

export const xNetwork: NetworkDescriptor<'x', z.infer<typeof sourceConfig>> = {
  name: 'x',
  sourceConfig,
  createConnector: (config, tuning) =>
    createXConnector({ ...(config.baseUrl && { baseUrl: config.baseUrl }), ...xReadBudgets(config.settings), ...config.credentials, ...tuning }),
  rateLimitHeaders: X_RATE_LIMIT_HEADERS,
  compileQuery: compileX,
  capabilities: X_CAPABILITIES,
}
