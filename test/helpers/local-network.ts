// The one place tests open the private network: their fake networks, sandboxes and webhook
// receivers listen on loopback over http, which only the operator's ALLOW_PRIVATE_ADDRESSES
// permits. Tests of the refusal itself use PUBLIC_ONLY (the default) instead.
import type { AddressPolicy } from '../../src/pipeline/networks/http/address-policy.ts'
import { systemResolver } from '../../src/pipeline/networks/http/resolve-target.ts'
import { createJobs, type JobDeps } from '../../jobs/index.ts'
import { TEST_SECRETS } from './test-secrets.ts'

export const LOCAL_FAKES: AddressPolicy = Object.freeze({ allowPrivate: true, allowHttpSources: true, resolver: systemResolver })

/** The jobs, allowed to reach the tests' loopback fakes, holding the test process's secret key. */
export const localJobs = (deps: JobDeps = {}) => createJobs({ addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS, ...deps })
