import type { JobDeps } from '../../jobs/index.ts'
import { addressPolicyOf } from '../config/address-policy.ts'
import type { Config } from '../config/index.ts'

/** What the jobs take from the operator's configuration: the address policy and the collection budget. */
export function jobDepsOf(config: Config): JobDeps {
  return {
    addressPolicy: addressPolicyOf(config),
    collectBudget: { ms: config.collection.budgetMs, requests: config.collection.budgetRequests },
  }
}
