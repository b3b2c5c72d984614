import { processIo, UsageError, type Io } from './io.ts'
import { demoUsage, eraseUsage, exportUsage, importUsage, jobUsage, keyUsage, migrateUsage, serveUsage, secretsUsage, streamUsage, subjectAccessUsage, workspaceQuotasUsage, workspaceUsage } from './usage.ts'

type Command = (args: string[], io: Io) => Promise<number>

// Each command is loaded when it runs: `relais --help` or `relais key create` need none of what
// `relais serve` loads (the API, the jobs, the simulated network).
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  migrate: async () => (await import('./commands/migrate.ts')).migrateCommand,
  workspace: async () => (await import('./commands/workspace.ts')).workspaceCommand,
  key: async () => (await import('./commands/key.ts')).keyCommand,
  job: async () => (await import('./commands/job.ts')).jobCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  erase: async () => (await import('./commands/personal-data.ts')).eraseCommand,
  'subject-access': async () => (await import('./commands/personal-data.ts')).subjectAccessCommand,
  secrets: async () => (await import('./commands/secrets.ts')).secretsCommand,
  stream: async () => (await import('./commands/stream.ts')).streamCommand,
}

const COMMAND_USAGE: Record<string, string> = {
  serve: serveUsage, migrate: migrateUsage, workspace: [workspaceUsage, workspaceQuotasUsage].join('\n  '), key: keyUsage, job: jobUsage, demo: demoUsage, import: importUsage, export: exportUsage,
  erase: eraseUsage, 'subject-access': subjectAccessUsage, secrets: secretsUsage, stream: streamUsage,
}

const USAGE = ['Usage:', serveUsage, migrateUsage, workspaceUsage, workspaceQuotasUsage, keyUsage, jobUsage, demoUsage, importUsage, exportUsage, eraseUsage, subjectAccessUsage, secretsUsage, streamUsage].join('\n  ')

/**
 * Runs one `relais` command; returns the process exit code. With the embedded database held by a
 * running `relais serve`, the command runs inside that service (see cli/forward/).
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv
  if (name && Object.hasOwn(COMMANDS, name) && !rest.includes('--help') && !rest.includes('-h')) {
    const forwarded = await forwardIfServed(argv, io)
    if (forwarded !== null) return forwarded
  }
  return runCommand(argv, io)
}

async function forwardIfServed(argv: string[], io: Io): Promise<number | null> {
  const [{ loadConfig }, { forwardToRunningService }] = await Promise.all([import('../platform/config/index.ts'), import('./forward/forward-command.ts')])
  let database: { url: string | undefined; dataDir: string }
  try {
    database = loadConfig().database
  } catch {
    return null // the command itself reports the configuration mistake
  }
  return database.url ? null : forwardToRunningService(database.dataDir, argv, io)
}

/** Runs one `relais` command in this process. */
export async function runCommand(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE)
    return name ? 0 : 2
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!load) {
    io.err(`Unknown command "${name}".\n${USAGE}`)
    return 2
  }
  // `relais COMMAND --help` prints the command's usage and does nothing else.
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage:\n  ${COMMAND_USAGE[name]}`)
    return 0
  }
  try {
    return await (await load())(args, io)
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err((error as Error).message)
      return 2
    }
    // Loaded here, once something failed: a command that succeeds never needs them.
    const [{ ConfigError }, { DataDirBusyError }] = await Promise.all([import('../platform/config/index.ts'), import('../platform/db/data-dir-lock.ts')])
    if (error instanceof ConfigError || error instanceof DataDirBusyError) {
      io.err(error.message)
      return 1
    }
    io.err(`relais ${name} failed: ${(error as Error).message ?? String(error)}`)
    return 1
  }
}
