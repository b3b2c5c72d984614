import type { FastifyInstance } from 'fastify'
import tap from 'tap'
import { buildApp } from '../../src/api/app.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { createApiKey, createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from './database.ts'
import { LOCAL_FAKES } from './local-network.ts'
import { TEST_SECRETS } from './test-secrets.ts'
import type { AddressPolicy } from '../../src/pipeline/networks/http/address-policy.ts'
import type { LiveMentionOptions } from '../../src/api/routes/mentions/stream.ts'

interface Teardown { teardown(fn: () => unknown): void }

export interface TestWorkspace { id: string; read: string; write: string; admin: string }

export interface TestApp {
  app: FastifyInstance
  database: Database
  /** Two fresh workspaces with a key of each scope, to prove isolation. */
  mine: TestWorkspace
  theirs: TestWorkspace
}

// One database per test file (a file is a process under tap): opening one is the slow part.
// Subtests stay independent because each gets workspaces of its own.
let shared: Promise<Database> | null = null
export function fileDatabase(): Promise<Database> {
  shared ??= openTestDatabase(tap)
  return shared
}

/** `addressPolicy` defaults to the tests' loopback fakes being reachable; pass PUBLIC_ONLY to test the refusals. */
export async function buildTestApp(t: Teardown, options: { rateLimitPerMinute?: number; bodyLimit?: number; addressPolicy?: AddressPolicy; authFailuresPerMinute?: number; liveMentions?: Partial<LiveMentionOptions> } = {}): Promise<TestApp> {
  const database = await fileDatabase()
  const app = await buildApp({
    db: database.db,
    metrics: createMetrics(),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
    addressPolicy: options.addressPolicy ?? LOCAL_FAKES,
    secrets: TEST_SECRETS,
    metricsToken: TEST_METRICS_TOKEN,
    ...(options.authFailuresPerMinute && { authFailuresPerMinute: options.authFailuresPerMinute }),
    ...(options.liveMentions && { liveMentions: options.liveMentions }),
  })
  t.teardown(() => app.close())
  const mine = await workspaceWithKeys(database, 'Mine')
  const theirs = await workspaceWithKeys(database, 'Theirs')
  return { app, database, mine, theirs }
}

export async function workspaceWithKeys(database: Database, name: string): Promise<TestWorkspace> {
  const { id } = await createWorkspace(database.db, name)
  const [read, write, admin] = await Promise.all([
    createApiKey(database.db, id, ['read']),
    createApiKey(database.db, id, ['write']),
    createApiKey(database.db, id, ['admin']),
  ])
  return { id, read: read.key, write: write.key, admin: admin.key }
}

export const TEST_METRICS_TOKEN = 'metrics-token-of-the-tests'

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` })
