import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { z } from 'zod'

// autocannon drives the load, by default from a child process: on a small machine the load
// generator competes with the server for the cores either way, but in a child it does not share
// the server's event loop, which would slow both.

const require = createRequire(import.meta.url)
const AUTOCANNON_CLI = require.resolve('autocannon/autocannon.js')

const resultSchema = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number(), average: z.number(), max: z.number() }),
  throughput: z.object({ average: z.number() }),
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
  duration: z.number(),
})
export type LoadResult = z.infer<typeof resultSchema>

export interface LoadOptions {
  url: string
  headers: Record<string, string>
  connections: number
  duration: number
  inProcess: boolean
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  return resultSchema.parse(options.inProcess ? await inProcess(options) : await inChild(options))
}

async function inProcess(o: LoadOptions): Promise<unknown> {
  const autocannon = require('autocannon') as (opts: object) => Promise<unknown>
  return autocannon({ url: o.url, headers: o.headers, connections: o.connections, duration: o.duration })
}

function inChild(o: LoadOptions): Promise<unknown> {
  const args = [AUTOCANNON_CLI, '--json', '--no-progress', '-c', String(o.connections), '-d', String(o.duration)]
  for (const [name, value] of Object.entries(o.headers)) args.push('-H', `${name}=${value}`)
  args.push(o.url)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${stderr.slice(-500)}`))
      try {
        resolve(JSON.parse(stdout))
      } catch {
        reject(new Error(`autocannon printed no JSON: ${stdout.slice(0, 300)} ${stderr.slice(-300)}`))
      }
    })
  })
}
