import { ConfigError } from '../config/index.ts'
import { DataDirBusyError } from '../db/data-dir-lock.ts'
import { processIo, UsageError, type Io } from './context.ts'
import { exportCommand, exportUsage } from './commands/export.ts'
import { importCommand, importUsage } from './commands/import.ts'
import { demoCommand, demoUsage } from './commands/demo.ts'
import { jobCommand, jobUsage } from './commands/job.ts'
import { keyCommand, keyUsage } from './commands/key.ts'
import { migrateCommand, migrateUsage } from './commands/migrate.ts'
import { serveCommand, serveUsage } from './commands/serve.ts'
import { workspaceCommand, workspaceUsage } from './commands/workspace.ts'

type Command = (args: string[], io: Io) => Promise<number>

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  workspace: workspaceCommand,
  key: keyCommand,
  job: jobCommand,
  demo: demoCommand,
  import: importCommand,
  export: exportCommand,
}

const COMMAND_USAGE: Record<string, string> = {
  serve: serveUsage, migrate: migrateUsage, workspace: workspaceUsage, key: keyUsage, job: jobUsage, demo: demoUsage, import: importUsage, export: exportUsage,
}

const USAGE = ['Usage:', serveUsage, migrateUsage, workspaceUsage, keyUsage, jobUsage, demoUsage, importUsage, exportUsage].join('\n  ')

/** Runs one `relais` command; returns the process exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE)
    return name ? 0 : 2
  }
  const command = COMMANDS[name]
  if (!command) {
    io.err(`Unknown command "${name}".\n${USAGE}`)
    return 2
  }
  // `relais COMMAND --help` prints the command's usage and does nothing else.
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage:\n  ${COMMAND_USAGE[name]}`)
    return 0
  }
  try {
    return await command(args, io)
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err((error as Error).message)
      return 2
    }
    if (error instanceof ConfigError || error instanceof DataDirBusyError) {
      io.err(error.message)
      return 1
    }
    io.err(`relais ${name} failed: ${(error as Error).message ?? String(error)}`)
    return 1
  }
}
