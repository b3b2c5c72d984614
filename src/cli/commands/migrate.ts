import { loadConfig } from '../../platform/config/index.ts'
import { openDatabase } from '../../platform/db/database.ts'
import { migrateToLatest } from '../../platform/db/migrator.ts'
import type { Io } from '../context.ts'

export async function migrateCommand(_args: string[], io: Io): Promise<number> {
  const config = loadConfig()
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, command: 'relais migrate' })
  try {
    const applied = await migrateToLatest(database.db)
    io.err(`Database ${database.location} is up to date${applied.length ? `; applied ${applied.join(', ')}` : ''}.`)
    return 0
  } finally {
    await database.close()
  }
}
