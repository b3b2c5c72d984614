import type { AddressPolicy } from '../../pipeline/networks/http/address-policy.ts'
import { systemResolver } from '../../pipeline/networks/http/resolve-target.ts'
import type { Config } from './index.ts'

/** The operator's address policy, from the environment: the only place private addresses are opened. */
export function addressPolicyOf(config: Pick<Config, 'network'>): AddressPolicy {
  return Object.freeze({ allowPrivate: config.network.allowPrivateAddresses, allowHttpSources: config.network.allowHttpSources, resolver: systemResolver })
}
