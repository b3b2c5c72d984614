import { migrateToLatest } from '../../platform/db/migrator.ts'
import { withDatabase, type Io } from '../context.ts'

export async function migrateCommand(_args: string[], io: Io): Promise<number> {
  return withDatabase('migrate', async (database) => {
    const applied = await migrateToLatest(database.db)
    io.err(`Database ${database.location} is up to date${applied.length ? `; applied ${applied.join(', ')}` : ''}.`)
    return 0
  }, undefined, { migrate: false })
}
