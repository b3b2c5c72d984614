import t from 'tap'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { listen, TOPIC_WORDS } from '../helpers/bluesky-fidelity.ts'
import { runCli } from '../helpers/run-cli.ts'

// The session outlives the process: six scheduled collections of three topics, each run by its own
// `relais job run collect-mentions` process sharing only the database, log in to Bluesky once.
t.test('six collections in six processes log in once', async (t) => {
  let database: Database & { url?: string }
  let env: Record<string, string | undefined>
  if (process.env.DATABASE_URL) {
    database = await openTestDatabase(t)
    env = { DATABASE_URL: database.url }
  } else {
    const dataDir = t.testdir()
    database = await openDatabase({ dataDir, command: 'test' })
    await migrateToLatest(database.db)
    env = { DATABASE_URL: undefined, DATA_DIR: dataDir }
  }
  const { fake } = await listen(t, database)
  // The embedded database has one owner at a time: the test lets go of it while the runs work.
  if (!process.env.DATABASE_URL) await database.close()
  for (let run = 0; run < 6; run++) {
    if (run > 0) {
      for (const word of TOPIC_WORDS) fake.state.addPost({ rkey: `${word}-process-${run}`, authorDid: 'did:plc:ann', text: `Encore le ${word}`, createdAt: new Date().toISOString() })
    }
    if (run === 2 || run === 4) fake.state.expireTokens() // access tokens expire between runs
    const result = await runCli(['job', 'run', 'collect-mentions'], { ...env, ALLOW_PRIVATE_ADDRESSES: 'true', SCHEDULER: 'off' })
    t.equal(result.code, 0, `run ${run + 1}: ${result.stderr}`)
  }
  t.equal(fake.state.sessionsCreated, 1, 'one createSession for 18 topic collections in 6 processes')
  t.equal(fake.state.sessionsRefreshed, 2, 'expired tokens were refreshed, not replaced by logins')
  const reader = process.env.DATABASE_URL ? database : await openDatabase({ dataDir: env.DATA_DIR!, command: 'test' })
  t.teardown(() => (reader === database ? undefined : reader.close()))
  const collected = await reader.db.selectFrom('topic_posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  t.equal(Number(collected.n), 30 + 5 * TOPIC_WORDS.length, 'every post of every run was collected, each once per topic')
})
