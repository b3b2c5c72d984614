import { parseArgs } from 'node:util'
import { exportRecords } from '../../pipeline/interchange/index.ts'
import { workspaceExists } from '../../tenancy/workspaces/service.ts'
import { UsageError, withDatabase, type Io } from '../context.ts'
import { progressReporter } from '../progress-bar.ts'
import { exportUsage } from '../usage.ts'

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { workspace: { type: 'string' } }, allowPositionals: true })
  if (positionals.length || !values.workspace) throw new UsageError(`${exportUsage}\n(--workspace is required; the records go to standard output)`)
  const workspaceId = values.workspace
  // A reader that goes away (`| head`) fails the next write (reported below); a late error after
  // the last write must not crash the process on its way out.
  const stdout = io.stdout ?? process.stdout
  stdout.on('error', () => {})
  return withDatabase('export', async ({ db }) => {
    if (!(await workspaceExists(db, workspaceId))) {
      io.err(`No workspace with id ${workspaceId}. Create one with: relais workspace create NAME`)
      return 1
    }
    const bar = progressReporter((text) => process.stderr.write(text), io.interactive)
    try {
      const stats = await exportRecords(db, workspaceId, stdout, {
        onProgress: (s) => bar.update({ done: s.accounts + s.posts + s.follows, label: 'records written' }),
      })
      bar.finish()
      const count = (value: number, one: string) => `${value.toLocaleString('en-US')} ${one}${value === 1 ? '' : 's'}`
      io.err(`Exported ${count(stats.accounts, 'account')}, ${count(stats.posts, 'post')}, ${count(stats.follows, 'follow')}.`)
      return 0
    } catch (error) {
      bar.finish()
      io.err(`Export stopped: ${(error as Error).message}`)
      return 1
    }
  })
}
