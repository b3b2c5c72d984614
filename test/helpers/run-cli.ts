import { randomBytes } from 'node:crypto'
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { TEST_SECRET_KEY } from './test-secrets.ts'

// The command's TypeScript entry, through tsx, so a test runs the sources as they are now rather
// than the last build (test/cli/compiled-bin.test.ts runs the build itself).
const ENTRY = fileURLToPath(new URL('../../src/cli/entry.ts', import.meta.url))

/** Node's arguments to run `relais ARGS`. */
export const relaisArgs = (args: string[]): string[] => ['--import=tsx', ENTRY, ...args]


export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Runs `relais ARGS` as a person would, in its own process. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    collectOutput(startCli(args, env), resolve, reject)
  })
}

/** What a child `relais` printed, and its exit code, once it has closed. */
export function collectOutput(child: ChildProcess, resolve: (result: CliResult) => void, reject: (error: Error) => void): void {
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => (stdout += d))
  child.stderr!.on('data', (d) => (stderr += d))
  child.on('error', reject)
  child.on('close', (code) => resolve({ code, stdout, stderr }))
}

export function startCli(args: string[], env: Record<string, string | undefined> = {}): ChildProcess {
  // The commands hold the test process's secret key, so what a test sealed they can open (a test
  // of the key file passes SECRET_KEY: undefined).
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', SECRET_KEY: TEST_SECRET_KEY, ...env }
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k]
  return spawn(process.execPath, relaisArgs(args), { env: merged, stdio: ['ignore', 'pipe', 'pipe'] })
}
