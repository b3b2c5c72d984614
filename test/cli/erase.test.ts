import t from 'tap'
import { buildApp } from '../../src/api/app.ts'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { bearer, workspaceWithKeys, type TestWorkspace } from '../helpers/app.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { PLANTED_NOW, plantNetwork } from '../helpers/planted-network.ts'
import { runCli } from '../helpers/run-cli.ts'

// `relais erase` runs in its own process, on the database the API reads: PostgreSQL when
// DATABASE_URL is set, else an embedded folder, which the test closes while the command runs.

const PERSON = /\bH@test\.example|mode d'emploi|Pistes cyclables : le #velo gagne|Mon vélo et moi/i

/** Where the person shows in `text`, with what surrounds it; null when nowhere. */
function leak(text: string): string | null {
  const found = PERSON.exec(text)
  if (!found) return null
  const url = text.lastIndexOf('\n/v1/', found.index)
  return `${text.slice(url, text.indexOf(' ', url))} … ${text.slice(Math.max(0, found.index - 150), found.index + 80)}`
}

interface Place { env: Record<string, string | undefined>; open(): Promise<Database>; close(db: Database): Promise<void> }

async function place(t: Parameters<typeof openTestDatabase>[0] & { testdir(): string }): Promise<Place> {
  if (process.env.DATABASE_URL) {
    const database = await openTestDatabase(t)
    return { env: { DATABASE_URL: database.url }, open: async () => database, close: async () => {} }
  }
  const dataDir = t.testdir()
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: undefined },
    async open() {
      const database = await openDatabase({ dataDir, command: 'test' })
      await migrateToLatest(database.db)
      return database
    },
    close: (db) => db.close(),
  }
}

/** Every answer of the API about the topic, and the workspace's NDJSON export, as one text. */
async function everythingShown(database: Database, ws: TestWorkspace, topicId: string, accountIds: string[], env: Place['env']): Promise<string> {
  const app = await buildApp({ db: database.db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 100_000 })
  try {
    const urls = [
      `/v1/topics/${topicId}/influencers?limit=100`, `/v1/topics/${topicId}/relays?limit=100`, `/v1/topics/${topicId}/prospects?limit=100`,
      `/v1/topics/${topicId}/mentions?limit=100`, `/v1/topics/${topicId}/inbox?limit=100`,
      `/v1/topics/${topicId}/graph?format=json`, `/v1/topics/${topicId}/graph?format=gexf`,
      `/v1/topics/${topicId}/trends`,
      ...accountIds.map((id) => `/v1/accounts/${id}`),
    ]
    let shown = ''
    for (const url of urls) {
      const res = await app.inject({ url, headers: bearer(ws.admin) })
      if (res.statusCode === 400) throw new Error(`${url} refused: ${res.body}`)
      shown += `\n${url} ${res.statusCode}\n${res.body}`
    }
    // The workspace's subject access, without the request's own words.
    const access = await app.inject({ url: '/v1/people/mastodon/H@test.example', headers: bearer(ws.admin) })
    const { network: _n, account: _a, ...held } = access.json()
    return `${shown}\n/v1/people ${access.statusCode}\n${JSON.stringify(held)}`
  } finally {
    await app.close()
  }
}

t.test('after relais erase, no answer of the API and no export contains the person', async (t) => {
  const where = await place(t)
  let database = await where.open()
  const ws = await workspaceWithKeys(database, 'Mine')
  const { topicId } = await plantNetwork(database.db, ws.id)
  await scoreTopic(database.db, topicId, { now: PLANTED_NOW })
  const hub = await database.db.selectFrom('accounts').select('id').where('external_id', '=', 'H@test.example').executeTakeFirstOrThrow()
  const other = await database.db.selectFrom('accounts').select('id').where('external_id', '=', 'a1@test.example').executeTakeFirstOrThrow()
  const accountIds = [String(hub.id), String(other.id)]

  const before = await everythingShown(database, ws, topicId, accountIds, where.env)
  t.match(before, PERSON, 'the person is shown before')
  await where.close(database)
  const exportBefore = await runCli(['export', '--workspace', ws.id], where.env)
  t.match(exportBefore.stdout, PERSON, 'and exported')

  const access = await runCli(['subject-access', '--network', 'mastodon', '--account', 'H@test.example'], where.env)
  t.equal(access.code, 0, access.stderr)
  const held = JSON.parse(access.stdout)
  t.equal(held.found, true)
  t.equal(held.posts.length, 3, 'subject access lists the person\'s three posts')
  t.ok(held.follows.followers.length >= 10, 'and who follows them')
  t.ok(held.interactions.length >= 8, 'and the reposts of their posts')

  const erased = await runCli(['erase', '--network', 'mastodon', '--account', 'H@test.example'], where.env)
  t.equal(erased.code, 0, erased.stderr)
  t.match(erased.stderr, /Erased H@test\.example on mastodon: 3 posts/)

  const exportAfter = await runCli(['export', '--workspace', ws.id], where.env)
  t.equal(exportAfter.code, 0, exportAfter.stderr)
  t.equal(leak(exportAfter.stdout), null, 'the export no longer contains the person')
  t.match(exportAfter.stdout, /a1@test\.example/, 'but still the others')
  const accessAfter = JSON.parse((await runCli(['subject-access', '--network', 'mastodon', '--account', 'H@test.example'], where.env)).stdout)
  t.equal(accessAfter.found, false, 'nothing is held any more')

  database = await where.open()
  t.teardown(() => where.close(database))
  const after = await everythingShown(database, ws, topicId, accountIds, where.env)
  t.equal(leak(after), null, 'no answer of the API shows the person')
  t.match(after, /a1@test\.example/, 'the others are still shown')
  await scoreTopic(database.db, topicId, { now: PLANTED_NOW })
  const rescored = await everythingShown(database, ws, topicId, accountIds, where.env)
  t.equal(leak(rescored), null, 'nor after the topic is scored again')
})
