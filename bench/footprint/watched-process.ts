// Starts a command as a person would, waits until it says it is ready, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { processCpuWithChildren } from './process-memory.ts'

export interface WatchedProcess {
  child: ChildProcess
  pid: number
  /** Milliseconds from the spawn until `ready` matched (and, for a URL, /readyz answered 200). */
  readyMs: number
  /** CPU seconds used up to then, its threads and the children it waited for included. */
  readyCpu: number
  /** The first capture group of `ready`, when it has one (a base URL). */
  captured: string | null
  stop(): Promise<void>
}

export interface WatchOptions {
  command: string
  args: string[]
  env: Record<string, string | undefined>
  /** Matched against everything printed (stdout and stderr); group 1, if any, is a base URL to probe. */
  ready: RegExp
  timeoutMs: number
}

export async function startWatched(options: WatchOptions): Promise<WatchedProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env }
  for (const [key, value] of Object.entries(options.env)) if (value === undefined) delete env[key]
  const started = performance.now()
  const child = spawn(options.command, options.args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let printed = ''
  child.stdout!.on('data', (chunk) => (printed += chunk))
  child.stderr!.on('data', (chunk) => (printed += chunk))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    await exited
    clearTimeout(timer)
  }
  try {
    let match: RegExpExecArray | null = null
    while (!(match = options.ready.exec(printed))) {
      if (child.exitCode !== null) throw new Error(`${options.args.join(' ')} exited (${child.exitCode}) before it was ready:\n${printed}`)
      if (performance.now() - started > options.timeoutMs) throw new Error(`${options.args.join(' ')} was not ready after ${options.timeoutMs} ms:\n${printed}`)
      await pause(20)
    }
    const captured = match[1] ?? null
    if (captured) await untilReady(`${captured}/readyz`, started + options.timeoutMs)
    return { child, pid: child.pid!, readyMs: performance.now() - started, readyCpu: processCpuWithChildren(child.pid!), captured, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

async function untilReady(url: string, deadline: number): Promise<void> {
  for (;;) {
    const status = await fetch(url).then((res) => res.status, () => 0)
    if (status === 200) return
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 in time (last: ${status})`)
    await pause(20)
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
