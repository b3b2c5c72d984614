import { z } from 'zod'

const onOff = z.enum(['on', 'off'])

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
  PUBLIC_URL: z.url().optional().describe('Base URL people reach the API at, used in links of emails.'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600).describe('Requests per minute per API key.'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024).describe('Largest request body accepted.'),
})

export type Env = z.infer<typeof envSchema>
