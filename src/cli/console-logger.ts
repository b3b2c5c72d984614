import type { Logger } from '../tenancy/job-runs/job.ts'
import type { Io } from './context.ts'

/** Job logs for a person at a terminal: warnings and errors only, one line each. */
export function consoleLogger(io: Io): Logger {
  const line = (level: string) => (obj: object, msg?: string) => {
    const err = (obj as { err?: unknown }).err
    io.err(`${level}: ${msg ?? ''}${err instanceof Error ? `: ${err.message}` : ''}`)
  }
  // Errors end the run and the command reports them itself.
  return { info: () => {}, warn: line('warning'), error: () => {} }
}
