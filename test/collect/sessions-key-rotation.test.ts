import t from 'tap'
import { randomBytes } from 'node:crypto'
import { resealSecrets } from '../../src/platform/secrets/reseal.ts'
import { createSecretBox } from '../../src/platform/secrets/secret-box.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { listen, scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'

t.test('a key rotation re-seals the kept network sessions: the next run makes no login', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId, sourceId } = await listen(t, database)
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  t.equal(first.stats.logins, 1)
  const before = await database.db.selectFrom('source_sessions').select('sealed').where('source_id', '=', sourceId).executeTakeFirstOrThrow()

  const next = createSecretBox([randomBytes(32)])
  const stats = await resealSecrets(database.db, TEST_SECRETS, next)
  t.same(stats, { sources: 1, webhooks: 0, sessions: 1 })
  const after = await database.db.selectFrom('source_sessions').select('sealed').where('source_id', '=', sourceId).executeTakeFirstOrThrow()
  t.match(after.sealed, new RegExp(`^sealed:v1:${next.keyId}:`), 'sealed with the new key')
  t.not(after.sealed, before.sealed)

  // The instances restart with the new key only.
  const second = await scheduledRun(database, workspaceId, { secrets: next })
  t.equal(second.status, 'succeeded', second.error ?? '')
  t.equal(second.stats.logins, 0, 'the session survived the rotation')
  t.equal(fake.state.sessionsCreated, 1, 'one createSession on the server in all')
})

t.test('a session no key opens is dropped by the rotation, which still completes', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId, sourceId } = await listen(t, database)
  await scheduledRun(database, workspaceId)
  // Sealed under a key nobody holds any more.
  const lost = createSecretBox([randomBytes(32)]).seal('{"accessJwt":"x"}', 'source-session')
  await database.db.updateTable('source_sessions').set({ sealed: lost }).where('source_id', '=', sourceId).execute()
  const next = createSecretBox([randomBytes(32)])
  const stats = await resealSecrets(database.db, TEST_SECRETS, next)
  t.equal(stats.sources, 1, 'the credentials are re-sealed all the same')
  const row = await database.db.selectFrom('source_sessions').select(['sealed', 'logins']).where('source_id', '=', sourceId).executeTakeFirstOrThrow()
  t.equal(row.sealed, null)
  t.equal(row.logins.length, 1, 'the login history is kept for the network’s limits')
  const second = await scheduledRun(database, workspaceId, { secrets: next })
  t.equal(second.status, 'succeeded', second.error ?? '')
  t.equal(second.stats.logins, 1, 'one login replaces it')
  t.equal(fake.state.sessionsCreated, 2)
})
