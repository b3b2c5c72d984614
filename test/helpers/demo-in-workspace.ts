import { createDemoWorkspace } from '../../src/simulation/demo/demo-setup.ts'
import { generateSandbox, weeklySandboxNow, startSandboxServer } from '../../src/simulation/sandbox/index.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { TEST_SECRETS } from './test-secrets.ts'

/**
 * The demo as `relais demo` builds it (its sandbox served over the real wire formats, its topics
 * and sources), moved into `workspaceId` so a test's keys read it. The sandbox closes with the test.
 * Its present is the week's sandbox moment, so every run of a test sees the same network; `now`
 * reads that moment, for the jobs the test runs (RunDeps.now), so that what they judge is as old
 * on every weekday as on the day it was generated.
 */
export async function demoInWorkspace(t: { teardown(fn: () => unknown): void }, database: Database, workspaceId: string) {
  const present = weeklySandboxNow(new Date())
  const data = generateSandbox({ seed: 'relais-demo', accounts: 600, days: 14, now: present })
  const sandbox = await startSandboxServer({ data })
  t.teardown(() => sandbox.close())
  const demo = await createDemoWorkspace(database.db, data, sandbox, TEST_SECRETS)
  await database.db.updateTable('topics').set({ workspace_id: workspaceId }).where('workspace_id', '=', demo.workspaceId).execute()
  await database.db.updateTable('sources').set({ workspace_id: workspaceId }).where('workspace_id', '=', demo.workspaceId).execute()
  return { data, demo, now: () => new Date(present) }
}
