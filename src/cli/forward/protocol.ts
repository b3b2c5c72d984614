// The control channel between a `relais` command and the `relais serve` that holds the embedded
// database: a Unix socket named after the data folder, in a folder of the user's own under the
// system's temporary folder (a socket's path is limited to about 100 bytes, so it cannot live in
// any data folder), owner-only. Whoever can open it can already open the database files, so it
// grants nothing more.
// Client → service: one JSON line (the request), then the command's standard input, raw.
// Service → client: JSON lines, one per frame.
import { createHash } from 'node:crypto'
import { lstatSync, mkdirSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join, resolve } from 'node:path'

export interface ForwardRequest {
  args: string[]
  /** The caller's working directory: relative paths in the command are read from there. */
  cwd: string
  /** Whether the caller's standard input is a terminal (nothing is sent then). */
  stdinIsTTY: boolean
}

export type ForwardFrame =
  | { out: string } // a line for standard output
  | { err: string } // a line for standard error
  | { data: string } // bytes for standard output, base64 (an export's records)
  | { exit: number }

/** Longest request line read: a command line, never more. */
export const MAX_REQUEST_BYTES = 64 * 1024
export const MAX_ARGS = 100

/** The socket of the service that holds `dataDir` (the same for every process of this user). */
export function controlSocketPath(dataDir: string): string {
  const folder = join(tmpdir(), `relais-${userInfo().uid}`)
  return join(folder, `${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 24)}.sock`)
}

/**
 * Makes (or checks) the socket's folder: a real folder of this user that nobody else may enter.
 * Throws otherwise, so a folder planted by someone else is never used.
 */
export function ensurePrivateSocketFolder(socketPath: string): void {
  const folder = resolve(socketPath, '..')
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  assertPrivateSocketFolder(socketPath)
}

export function assertPrivateSocketFolder(socketPath: string): void {
  const folder = resolve(socketPath, '..')
  const stat = lstatSync(folder)
  if (!stat.isDirectory() || stat.uid !== userInfo().uid || (stat.mode & 0o077) !== 0) {
    throw new Error(`${folder} is not a private folder of this user: the control socket is not used`)
  }
}

/**
 * Commands that do not go through a running service: the ones that are a service themselves
 * (`demo` also has a folder of its own), and `secrets`, which changes the keys the running service
 * holds in memory.
 */
export const LOCAL_ONLY_COMMANDS = new Set(['serve', 'demo', 'secrets', 'stream'])
