import { z } from 'zod'
import { envSchema } from './schema.ts'

export type { Env } from './schema.ts'

export interface Config {
  readonly database: { readonly url: string | undefined; readonly dataDir: string }
  readonly http: { readonly host: string; readonly port: number; readonly bodyLimit: number; readonly rateLimitPerMinute: number; readonly publicUrl: string | undefined }
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  readonly smtpUrl: string | undefined
  readonly scheduler: boolean
  /** `relais serve` also runs the live readers of streaming sources. */
  readonly streaming: boolean
  /** Operator settings for outbound calls to tenant-chosen URLs. */
  readonly network: { readonly allowPrivateAddresses: boolean; readonly allowHttpSources: boolean }
  /** Scheduled fires: workspaces at once, and each one's budget per collect-mentions run. */
  readonly collection: { readonly concurrency: number; readonly budgetMs: number; readonly budgetRequests: number }
  readonly secretKey: string | undefined
  readonly newSecretKey: string | undefined
  readonly metricsToken: string | undefined
  readonly timeouts: { readonly requestMs: number; readonly statementMs: number }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Parses the environment once; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as people write `DATABASE_URL= relais serve`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment')
        // URLs may carry passwords, and keys and tokens are secrets: their values are never echoed.
        const value = typeof present[name] === 'string' && !/URL|KEY|TOKEN/.test(name) ? ` (got "${present[name]}")` : ''
        return `${name}: ${issue.message}${value}`
      }),
    )
  }
  const e = parsed.data
  return deepFreeze({
    database: { url: e.DATABASE_URL, dataDir: e.DATA_DIR },
    http: { host: e.HOST, port: e.PORT, bodyLimit: e.BODY_LIMIT_BYTES, rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE, publicUrl: e.PUBLIC_URL },
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    scheduler: e.SCHEDULER === 'on',
    streaming: e.STREAMING === 'on',
    network: { allowPrivateAddresses: e.ALLOW_PRIVATE_ADDRESSES === 'true', allowHttpSources: (e.ALLOW_HTTP_SOURCES ?? e.ALLOW_PRIVATE_ADDRESSES) === 'true' },
    collection: { concurrency: e.COLLECT_CONCURRENCY, budgetMs: e.COLLECT_BUDGET_SECONDS * 1000, budgetRequests: e.COLLECT_BUDGET_REQUESTS },
    secretKey: e.SECRET_KEY,
    newSecretKey: e.NEW_SECRET_KEY,
    metricsToken: e.METRICS_TOKEN,
    timeouts: { requestMs: e.REQUEST_TIMEOUT_MS, statementMs: e.STATEMENT_TIMEOUT_MS },
  })
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v)
  return Object.freeze(value)
}
