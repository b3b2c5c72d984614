import { randomBytes } from 'node:crypto'
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const CLI_SECRET_KEY = randomBytes(32).toString('base64')
export const RELAIS_BIN = fileURLToPath(new URL('../../bin/relais.js', import.meta.url))

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Runs `relais ARGS` as a person would, in its own process. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, env)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (d) => (stdout += d))
    child.stderr!.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export function startCli(args: string[], env: Record<string, string | undefined> = {}): ChildProcess {
  // Commands on a PostgreSQL server need a secret key; one per test process, as an operator sets it.
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...(process.env.DATABASE_URL && { SECRET_KEY: CLI_SECRET_KEY }), ...env }
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k]
  return spawn(process.execPath, [RELAIS_BIN, ...args], { env: merged, stdio: ['ignore', 'pipe', 'pipe'] })
}
