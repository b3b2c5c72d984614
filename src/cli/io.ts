// What every command prints through and how it reports a usage mistake; apart from context.ts so
// that `relais --help` loads neither the configuration nor the database.

/** What a command prints to; injectable so tests read what a person would see. */
export interface Io {
  out(line: string): void
  err(line: string): void
  /** true when stderr is a terminal (progress bars only there). */
  interactive: boolean
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: Boolean(process.stderr.isTTY),
}

/** A command's usage mistake: shown with the usage, exit code 2. */
export class UsageError extends Error {}
