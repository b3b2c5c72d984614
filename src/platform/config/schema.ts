import { z } from 'zod'

const onOff = z.enum(['on', 'off'])
const flag = z.enum(['true', 'false'], { error: 'must be true or false' })

/** Every variable Relais reads, with what it means. Parsed once at start-up. */
export const envSchema = z.object({
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional()
    .describe('PostgreSQL connection URL. Unset: embedded PostgreSQL (PGlite) in DATA_DIR.'),
  DATA_DIR: z.string().min(1).default('./data').describe('Folder of the embedded database (only without DATABASE_URL).'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Address the HTTP API listens on.'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('Port the HTTP API listens on.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Log verbosity.'),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
    .optional()
    .describe('SMTP server for digest emails, e.g. smtps://user:pass@mail.example:465.'),
  SCHEDULER: onOff.default('on').describe('Run scheduled jobs in this process (on|off).'),
  STREAMING: onOff.default('on').describe('Read the streaming sources live in `relais serve` (on|off); `relais stream` reads them whatever this says.'),
  PUBLIC_URL: z.url().optional().describe('Base URL people reach the API at, used in links of emails.'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600).describe('Requests per minute per API key.'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024).describe('Largest request body accepted.'),
  ALLOW_PRIVATE_ADDRESSES: flag.default('false').describe('Let sources and webhooks reach loopback, private and link-local addresses (the operator only; never a workspace).'),
  ALLOW_HTTP_SOURCES: flag.optional().describe('Let sources use http:// (default: the value of ALLOW_PRIVATE_ADDRESSES; otherwise https only).'),
  COLLECT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4).describe('Workspaces a scheduled fire works on at once.'),
  COLLECT_BUDGET_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600).describe('Time one workspace may spend on the networks per collect-mentions run.'),
  COLLECT_BUDGET_REQUESTS: z.coerce.number().int().min(1).max(1_000_000).default(2000).describe('Requests one workspace may make per collect-mentions run.'),
  SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional()
    .describe('Key that encrypts secrets at rest (base64 of 32 bytes). Unset: a key file in DATA_DIR (embedded database only).'),
  NEW_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional()
    .describe('Only for `relais secrets rotate` with SECRET_KEY: the key to re-seal every secret with.'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional().describe('Bearer token /metrics asks for. Unset: /metrics answers 404.'),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000).describe('Longest an HTTP request to the API may take to arrive whole.'),
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000).describe('Longest one SQL statement may run on PostgreSQL.'),
})

export type Env = z.infer<typeof envSchema>
