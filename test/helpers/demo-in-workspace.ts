import { createDemoWorkspace } from '../../src/simulation/demo/demo-setup.ts'
import { generateSandbox, weeklySandboxNow, startSandboxServer } from '../../src/simulation/sandbox/index.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { TEST_SECRETS } from './test-secrets.ts'

/**
 * The demo as `relais demo` builds it (its sandbox served over the real wire formats, its topics
 * and sources), moved into `workspaceId` so a test's keys read it. The sandbox closes with the test.
 * Its present is the week's sandbox moment, so every run of a test sees the same network.
 */
export async function demoInWorkspace(t: { teardown(fn: () => unknown): void }, database: Database, workspaceId: string) {
  const data = generateSandbox({ seed: 'relais-demo', accounts: 600, days: 14, now: weeklySandboxNow(new Date()) })
  const sandbox = await startSandboxServer({ data })
  t.teardown(() => sandbox.close())
  const demo = await createDemoWorkspace(database.db, data, sandbox, TEST_SECRETS)
  await database.db.updateTable('topics').set({ workspace_id: workspaceId }).where('workspace_id', '=', demo.workspaceId).execute()
  await database.db.updateTable('sources').set({ workspace_id: workspaceId }).where('workspace_id', '=', demo.workspaceId).execute()
  return { data, demo }
}
