import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { createDemoWorkspace } from '../../src/simulation/demo/demo-setup.ts'
import { generateSandbox, weeklySandboxNow, startSandboxServer, type SandboxData } from '../../src/simulation/sandbox/index.ts'
import { randomBytes } from 'node:crypto'
import { createJobs } from '../../jobs/index.ts'
import { systemResolver } from '../../src/pipeline/networks/http/resolve-target.ts'
import { createSecretBox } from '../../src/platform/secrets/secret-box.ts'
import { runJob } from '../../jobs/run-job.ts'
import { evaluate, type Truth } from './evaluate.ts'

const quiet = { info() {}, warn() {}, error() {} }

/**
 * The demo as `relais demo` builds it (the sandbox served over the real wire formats, collected
 * by the real connectors and jobs, scored), measured topic by topic against the sandbox's truth.
 */
export async function measureSandbox(db: Kysely<DB>, accounts: number) {
  // The jobs run at the sandbox's present: the data is as old on every weekday.
  const present = weeklySandboxNow(new Date())
  const data = generateSandbox({ seed: 'relais-demo', accounts, days: 14, now: present })
  const sandbox = await startSandboxServer({ data })
  try {
    // The sandbox listens on loopback over http: opened for this bench as the demo opens it.
    const secrets = createSecretBox([randomBytes(32)])
    const demo = await createDemoWorkspace(db, data, sandbox, secrets)
    const jobs = createJobs({ addressPolicy: { allowPrivate: true, allowHttpSources: true, resolver: systemResolver }, secrets })
    for (const name of ['collect-mentions', 'collect-graph', 'score']) {
      const outcome = await runJob({ db, log: quiet, now: () => new Date(present) }, jobs.get(name)!, { workspaceId: demo.workspaceId }, { trigger: 'manual' })
      if (outcome.status !== 'succeeded') throw new Error(`${name}: ${outcome.status}`)
    }
    const results: Record<string, Awaited<ReturnType<typeof evaluate>>> = {}
    for (const [i, topic] of demo.topics.entries()) {
      const run = await db.selectFrom('score_runs').select('id').where('topic_id', '=', topic.id).orderBy('id', 'desc').executeTakeFirstOrThrow()
      results[topic.name] = await evaluate(db, run.id, sandboxTruth(data, ['velo', 'rust'][i]))
    }
    return results
  } finally {
    await sandbox.close()
  }
}

/** The sandbox's planted hubs and bridges of one topic; communities are (community, network): no tie crosses networks. */
export function sandboxTruth(data: SandboxData, topic: string): Truth {
  const community = data.communities.findIndex((c) => c.topic === topic)
  const communityId = data.communities[community].id
  const handle = (i: number) => data.accounts[i].handle
  return {
    roles: {
      hub: new Set(data.truth.hubs.filter((h) => h.topic === topic).map((h) => handle(h.account))),
      bridge: new Set(data.truth.bridges.filter((b) => b.communities.includes(communityId)).map((b) => handle(b.account))),
    },
    community: new Map(data.accounts.map((a) => [a.handle, `${a.community}/${a.network}`])),
  }
}
