import type { JobDeps } from '../../jobs/index.ts'
import { addressPolicyOf } from '../platform/config/address-policy.ts'
import type { Config } from '../platform/config/index.ts'
import type { SecretBox } from '../platform/secrets/secret-box.ts'

/** What the jobs take from the operator's configuration: the address policy, the collection budget, mail settings and the secret key. */
export function jobDepsOf(config: Config, secrets?: SecretBox): JobDeps {
  return {
    ...(secrets && { secrets }),
    addressPolicy: addressPolicyOf(config),
    collectBudget: { ms: config.collection.budgetMs, requests: config.collection.budgetRequests },
    mail: mailSettingsOf(config),
  }
}

/** SMTP_URL and the address digest links point at (PUBLIC_URL, or where the service listens). */
export function mailSettingsOf(config: Config): NonNullable<JobDeps['mail']> {
  return {
    ...(config.smtpUrl && { smtpUrl: config.smtpUrl }),
    publicUrl: config.http.publicUrl ?? `http://${config.http.host}:${config.http.port}`,
  }
}
