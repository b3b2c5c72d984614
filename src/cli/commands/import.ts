import { open } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Readable } from 'node:stream'
import { parseArgs } from 'node:util'
import { importRecords, type ImportStats } from '../../pipeline/interchange/index.ts'
import { workspaceExists } from '../../tenancy/workspaces/service.ts'
import { UsageError, withDatabase, type Io } from '../context.ts'
import { progressReporter } from '../progress-bar.ts'
import { importUsage } from '../usage.ts'

/** Bad lines printed one by one; past this only their count is given. */
const SHOWN_BAD_LINES = 100

export async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { workspace: { type: 'string' } }, allowPositionals: true })
  if (positionals.length !== 1 || !values.workspace) throw new UsageError(`${importUsage}\n(one FILE and --workspace are required)`)
  const [file] = positionals
  const workspaceId = values.workspace
  const stdin = io.stdin ?? process.stdin
  if (file === '-' && stdin.isTTY) throw new UsageError('FILE "-" reads standard input: pipe or redirect a file into it.')

  // The file is opened before the database, so a wrong path costs nothing and holds no lock.
  let input: Readable
  let size: number | null = null
  if (file === '-') input = stdin
  else {
    try {
      const handle = await open(resolve(io.cwd ?? process.cwd(), file), 'r')
      const stat = await handle.stat()
      if (!stat.isFile()) {
        await handle.close()
        io.err(`Cannot read ${file}: not a file.`)
        return 1
      }
      size = stat.size
      input = handle.createReadStream({ highWaterMark: 256 * 1024 })
    } catch (error) {
      io.err(`Cannot read ${file}: ${(error as Error).message}`)
      return 1
    }
  }

  return withDatabase('import', async ({ db }) => {
    if (!(await workspaceExists(db, workspaceId))) {
      input.destroy()
      io.err(`No workspace with id ${workspaceId}. Create one with: relais workspace create NAME`)
      return 1
    }
    const started = Date.now()
    const bar = progressReporter((text) => process.stderr.write(text), io.interactive)
    let shown = 0
    let stats: ImportStats
    try {
      stats = await importRecords(db, workspaceId, input, {
        onBadLine({ line, reason }) {
          if (shown++ >= SHOWN_BAD_LINES) return
          bar.finish()
          io.err(`line ${line}: ${reason}`)
        },
        onProgress: (s) => bar.update(progressOf(s, size)),
      })
    } catch (error) {
      bar.finish()
      io.err(`Import stopped: ${(error as Error).message}. Batches stored so far are kept; running the same import again completes it without duplicates.`)
      return 1
    }
    bar.finish()
    if (stats.skipped > SHOWN_BAD_LINES) io.err(`… ${n(stats.skipped - SHOWN_BAD_LINES)} more bad lines not shown.`)
    io.err(summary(stats, Date.now() - started))
    return 0
  })
}

function progressOf(s: ImportStats, size: number | null) {
  const share = size ? ` (${Math.floor((100 * s.bytesRead) / size)}% of ${(size / 1e6).toFixed(1)} MB)` : ''
  return { done: s.lines, label: `lines read, ${n(s.accounts + s.posts + s.follows)} imported, ${n(s.skipped)} skipped${share}` }
}

function summary(s: ImportStats, elapsedMs: number): string {
  const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`
  const blank = s.blank ? `, ${plural(s.blank, 'blank line', 'blank lines')} ignored` : ''
  return (
    `Imported ${plural(s.lines, 'line', 'lines')}: ${plural(s.accounts, 'account', 'accounts')}, ${plural(s.posts, 'post', 'posts')}, ` +
    `${plural(s.follows, 'follow', 'follows')}; ${plural(s.skipped, 'line', 'lines')} skipped${blank} (${(elapsedMs / 1000).toFixed(1)} s).`
  )
}

const n = (value: number) => value.toLocaleString('en-US')
