// What every command prints through and how it reports a usage mistake; apart from context.ts so
// that `relais --help` loads neither the configuration nor the database.
import type { Readable, Writable } from 'node:stream'

/** What a command prints to; injectable so tests read what a person would see. */
export interface Io {
  out(line: string): void
  err(line: string): void
  /** true when stderr is a terminal (progress bars only there). */
  interactive: boolean
  /** Where a command reads standard input and writes bytes, and resolves relative paths (default: this process's). */
  stdin?: Readable & { isTTY?: boolean }
  stdout?: Writable
  cwd?: string
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: Boolean(process.stderr.isTTY),
}

/** A command's usage mistake: shown with the usage, exit code 2. */
export class UsageError extends Error {}
