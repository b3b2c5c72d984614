import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { listen, scheduledRun, TOPIC_WORDS } from '../helpers/bluesky-fidelity.ts'

t.test('six scheduled runs of three topics log in once, the session kept sealed between runs', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId, sourceId } = await listen(t, database)
  let logins = 0
  for (let run = 0; run < 6; run++) {
    if (run > 0) {
      for (const word of TOPIC_WORDS) fake.state.addPost({ rkey: `${word}-run-${run}`, authorDid: 'did:plc:ann', text: `Encore le ${word}`, createdAt: new Date().toISOString() })
    }
    // The server moves on: access tokens expire (about every two hours on a PDS), so a run meets an expired one.
    if (run === 2 || run === 4) fake.state.expireTokens()
    const outcome = await scheduledRun(database, workspaceId)
    t.equal(outcome.status, 'succeeded', outcome.error ?? '')
    logins += Number(outcome.stats.logins)
  }
  t.equal(fake.state.sessionsCreated, 1, 'one createSession on the server for 18 topic collections')
  t.equal(logins, 1, 'the runs report that one login in their stats')
  t.equal(fake.state.sessionsRefreshed, 2, 'each expired token was refreshed, not replaced by a login')

  const stored = await database.db.selectFrom('source_sessions').select(['sealed', 'logins']).where('source_id', '=', sourceId).executeTakeFirstOrThrow()
  t.match(stored.sealed, /^sealed:v1:/, 'the session is sealed at rest')
  const tokens = [...fake.state.tokens.keys()]
  t.ok(tokens.every((token) => !stored.sealed!.includes(token)), 'no token readable in the row')
  t.equal(stored.logins.length, 1)

  // The refresh token refused too (session revoked): one new login, no more.
  fake.state.expireTokens(true)
  const after = await scheduledRun(database, workspaceId)
  t.equal(after.status, 'succeeded', after.error ?? '')
  t.equal(after.stats.logins, 1)
  t.equal(fake.state.sessionsCreated, 2)
})

t.test('a source that reached the login limit pauses instead of logging in', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId, sourceId } = await listen(t, database)
  // Thirty logins in the last four minutes: Bluesky allows 30 per 5 minutes.
  const recent = Array.from({ length: 30 }, (_, i) => new Date(Date.now() - 240_000 + i * 1000))
  await database.db.insertInto('source_sessions').values({ source_id: sourceId, sealed: null, logins: recent }).execute()
  const outcome = await scheduledRun(database, workspaceId)
  t.equal(outcome.status, 'failed')
  t.match(outcome.error, /bluesky.*Login paused.*30 per 5 minutes/s)
  t.equal(fake.state.sessionsCreated, 0, 'no login was attempted')
  t.equal(fake.state.loginsRefused, 0, 'the network never had to refuse one')
})

t.test('the fake enforces the documented login limit, as the PDS does', async (t) => {
  const database = await openTestDatabase(t)
  const { fake } = await listen(t, database)
  const login = () => fetch(`${fake.url}/xrpc/com.atproto.server.createSession`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: 'brand.test', password: 'app-pass-5678' }),
  })
  const statuses: number[] = []
  for (let i = 0; i < 31; i++) statuses.push((await login()).status)
  t.same(statuses.slice(0, 30), Array(30).fill(200))
  t.equal(statuses[30], 429, 'the 31st createSession within 5 minutes is refused')
})
