import { z } from 'zod'
import { envSchema } from './schema.ts'

export type { Env } from './schema.ts'

export interface Config {
  readonly database: { readonly url: string | undefined; readonly dataDir: string }
  readonly http: { readonly host: string; readonly port: number; readonly bodyLimit: number; readonly rateLimitPerMinute: number; readonly publicUrl: string | undefined }
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  readonly smtpUrl: string | undefined
  readonly scheduler: boolean
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
        const value = typeof present[name] === 'string' && !/URL/.test(name) ? ` (got "${present[name]}")` : ''
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
  })
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v)
  return Object.freeze(value)
}
