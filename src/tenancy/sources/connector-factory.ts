import type { Connector } from '../../pipeline/networks/connector.ts'
import { ConnectorError } from '../../pipeline/networks/errors.ts'
import { createBlueskyConnector } from '../../pipeline/networks/bluesky/index.ts'
import { createMastodonConnector } from '../../pipeline/networks/mastodon/index.ts'
import { createRedditConnector } from '../../pipeline/networks/reddit/index.ts'
import { createXConnector } from '../../pipeline/networks/x/index.ts'
import { sourceConfigSchema } from './source-config.ts'
import type { AddressPolicy } from '../../pipeline/networks/http/address-policy.ts'
import type { FireBudget } from '../../pipeline/networks/http/fire-budget.ts'
import type { SessionStore } from '../../pipeline/networks/session-store.ts'

export interface StoredSource {
  id: string
  network: string
  base_url: string | null
  settings: Record<string, string>
  credentials: Record<string, string>
}

/** Extra HTTP options (timeouts, retry pacing) for every connector, e.g. shorter waits in tests. */
export interface ConnectorTuning { timeoutMs?: number; maxRetries?: number; maxWaitMs?: number; sleep?: (ms: number, signal?: AbortSignal) => Promise<void> }

/** What every connector the application builds is held to: the operator's address policy, and the run's budget. */
export interface ConnectorLimits { addressPolicy: AddressPolicy; budget?: FireBudget; sessionStore?: SessionStore }

/** The connector a stored source describes; a source the network can't use is a clear 'config' error. */
export function connectorFor(source: StoredSource, limits: ConnectorLimits, extra: ConnectorTuning = {}): Connector {
  const { sessionStore, ...held } = limits
  const tuning = { ...extra, ...held }
  const parsed = sourceConfigSchema.safeParse({
    network: source.network,
    ...(source.base_url !== null && { baseUrl: source.base_url }),
    settings: source.settings,
    credentials: source.credentials,
  })
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ')
    throw new ConnectorError(networkOf(source.network), 'config', `Source ${source.id} (${source.network}) is not usable: check ${fields}`)
  }
  const config = parsed.data
  switch (config.network) {
    case 'mastodon':
      return createMastodonConnector({ baseUrl: config.baseUrl, ...config.credentials, ...config.settings, ...tuning })
    case 'bluesky':
      return createBlueskyConnector({ ...(config.baseUrl && { appViewUrl: config.baseUrl }), ...config.settings, ...config.credentials, ...tuning, ...(sessionStore && { sessionStore }) })
    case 'reddit':
      return createRedditConnector({ ...(config.baseUrl && { baseUrl: config.baseUrl }), ...config.settings, ...config.credentials, ...tuning, ...(sessionStore && { sessionStore }) })
    case 'x':
      return createXConnector({ ...(config.baseUrl && { baseUrl: config.baseUrl }), ...config.credentials, ...tuning })
  }
}

function networkOf(name: string) {
  return (['mastodon', 'bluesky', 'reddit', 'x'] as const).find((n) => n === name) ?? 'mastodon'
}
