import type { Connector } from '../../pipeline/networks/connector.ts'
import type { ConnectorTuning, NetworkDescriptor } from '../../pipeline/networks/descriptor.ts'
import { ConnectorError } from '../../pipeline/networks/errors.ts'
import { NETWORK_REGISTRY } from '../../pipeline/networks/registry.ts'
import type { AddressPolicy } from '../../pipeline/networks/http/address-policy.ts'
import type { FireBudget } from '../../pipeline/networks/http/fire-budget.ts'
import type { SessionStore } from '../../pipeline/networks/session-store.ts'
import { isCollectableNetwork } from '../../platform/shared/network-names.ts'

export interface StoredSource {
  id: string
  network: string
  base_url: string | null
  settings: Record<string, string>
  credentials: Record<string, string>
}

/** Extra HTTP options (timeouts, retry pacing) for every connector, e.g. shorter waits in tests. */
export type ConnectorPacing = Pick<ConnectorTuning, 'timeoutMs' | 'maxRetries' | 'maxWaitMs' | 'sleep'>

/** What every connector the application builds is held to: the operator's address policy, and the run's budget. */
export interface ConnectorLimits { addressPolicy: AddressPolicy; budget?: FireBudget; sessionStore?: SessionStore }

/** The connector a stored source describes; a source the network can't use is a clear 'config' error. */
export function connectorFor(source: StoredSource, limits: ConnectorLimits, extra: ConnectorPacing = {}): Connector {
  if (!isCollectableNetwork(source.network)) {
    throw new ConnectorError(source.network, 'config', `Source ${source.id} names a network Relais does not collect from (${source.network}).`)
  }
  const descriptor: NetworkDescriptor = NETWORK_REGISTRY[source.network]
  const parsed = descriptor.sourceConfig.safeParse({
    network: source.network,
    ...(source.base_url !== null && { baseUrl: source.base_url }),
    settings: source.settings,
    credentials: source.credentials,
  })
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ')
    throw new ConnectorError(source.network, 'config', `Source ${source.id} (${source.network}) is not usable: check ${fields}`)
  }
  return descriptor.createConnector(parsed.data, { ...extra, ...limits })
}
