// Keeps ingest going while the load runs: the sandbox reveals another hour of posts, a collection
// run is asked for through the API, the scheduler's queue takes it and ingests the new posts;
// every fourth round the topic is scored again. One round after the other until stopped.
import { setTimeout as delay } from 'node:timers/promises'
import { z } from 'zod'
import type { LoadService } from './service.ts'

const runSchema = z.object({ id: z.number(), status: z.string(), stats: z.record(z.string(), z.unknown()), error: z.string().nullable() })

export interface IngestTally { runs: number; failed: number; posts: number; scorings: number; errors: string[] }

export function startIngestDriver(service: LoadService): { tally: IngestTally; stop(): Promise<void> } {
  const tally: IngestTally = { runs: 0, failed: 0, posts: 0, scorings: 0, errors: [] }
  const headers = { authorization: `Bearer ${service.keys.admin}`, 'content-type': 'application/json' }
  let stopped = false

  async function runThroughQueue(job: string): Promise<z.infer<typeof runSchema> | null> {
    const asked = await fetch(`${service.url}/v1/jobs/${job}/runs`, { method: 'POST', headers, body: JSON.stringify({ topicId: service.topicId }) })
    if (asked.status !== 202) return null
    let run = runSchema.parse(await asked.json())
    while (!stopped && (run.status === 'queued' || run.status === 'running')) {
      await delay(250)
      run = runSchema.parse(await (await fetch(`${service.url}/v1/job-runs/${run.id}`, { headers })).json())
    }
    return run
  }

  const loop = (async () => {
    for (let round = 1; !stopped; round++) {
      service.sandbox.advance(1)
      const run = await runThroughQueue('collect-mentions').catch(() => null)
      if (run?.status === 'succeeded') {
        tally.runs++
        tally.posts += Number(run.stats.posts ?? 0)
      } else if (run && !stopped) {
        tally.failed++
        tally.errors.push(`${run.status}: ${run.error ?? ''}`.slice(0, 300))
      }
      if (round % 4 === 0 && (await runThroughQueue('score').catch(() => null))?.status === 'succeeded') tally.scorings++
    }
  })()
  return {
    tally,
    async stop() {
      stopped = true
      await loop
    },
  }
}
