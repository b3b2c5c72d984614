import t from 'tap'
import { sql } from 'kysely'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '../../src/platform/db/database.ts'

// The embedded database's own behaviour, so it runs once, in the suite without DATABASE_URL.
const embeddedOnly = { skip: process.env.DATABASE_URL ? 'embedded database only (runs in the suite without DATABASE_URL)' : false }

t.test('a new folder is created whole, over what a cut-short creation left, with the service settings', embeddedOnly, async (t) => {
  const dataDir = t.testdir()
  // What a creation killed halfway leaves: the folder under its temporary name, incomplete.
  mkdirSync(join(dataDir, 'pgdata.creating', 'base'), { recursive: true })
  writeFileSync(join(dataDir, 'pgdata.creating', 'half-written'), 'x')

  const database = await openDatabase({ dataDir, command: 'test' })
  t.ok(existsSync(join(dataDir, 'pgdata', 'PG_VERSION')), 'the database folder is in place')
  t.notOk(existsSync(join(dataDir, 'pgdata.creating')), 'nothing is left under the temporary name')
  const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(database.db)
  t.same(rows, [{ shared_buffers: '32MB' }], 'shared_buffers chosen for a small service')
  await sql`create table kept (n int)`.execute(database.db)
  await sql`insert into kept values (7)`.execute(database.db)
  await database.close()

  const reopened = await openDatabase({ dataDir, command: 'test' })
  t.teardown(() => reopened.close())
  const kept = await sql<{ n: number }>`select n from kept`.execute(reopened.db)
  t.same(kept.rows, [{ n: 7 }], 'the next start opens the same database')
})
