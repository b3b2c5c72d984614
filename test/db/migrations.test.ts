// Every migration can be undone and applied again, on the database of the suite (PostgreSQL with
// DATABASE_URL, the embedded database without): a rollback leaves no table of ours behind.
import t from 'tap'
import { Migrator, NO_MIGRATIONS, sql } from 'kysely'
import { migrations } from '../../migrations/index.ts'
import { migrateToLatest, pendingMigrations } from '../../src/platform/db/migrator.ts'
import { openTestDatabase } from '../helpers/database.ts'

t.test('the migrations go down to nothing and up again', async (t) => {
  const { db } = await openTestDatabase(t)
  const tables = async () =>
    (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely%' order by 1`.execute(db)).rows.map((r) => r.name)
  const before = await tables()
  t.ok(before.includes('posts') && before.includes('job_runs'), `migrated: ${before.length} tables`)

  const down = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(NO_MIGRATIONS)
  t.equal(down.error, undefined, 'every down() ran')
  t.same(down.results?.map((r) => r.status), Object.keys(migrations).map(() => 'Success'), 'each migration went down')
  t.same(await tables(), [], 'no table of ours is left')
  t.same(await pendingMigrations(db), Object.keys(migrations), 'all migrations are pending again')

  t.same(await migrateToLatest(db), Object.keys(migrations), 'applied again, in order')
  t.same(await tables(), before, 'the same tables as before')
})
