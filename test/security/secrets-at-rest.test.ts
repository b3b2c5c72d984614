// Source credentials and webhook secrets are sealed (AES-256-GCM) before they are stored: their
// plaintext is in no database file (embedded) and in no pg_dump (PostgreSQL). The key comes from
// SECRET_KEY, or a key file made with mode 0600 in DATA_DIR; `relais secrets rotate` re-seals all.
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../src/api/app.ts'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { createSecretBox, SecretBoxError } from '../../src/platform/secrets/secret-box.ts'
import { loadSecretBox } from '../../src/platform/secrets/secret-keys.ts'
import { openSecrets } from '../../src/platform/secrets/open-secrets.ts'
import { credentialPurpose, WEBHOOK_SECRET_PURPOSE } from '../../src/platform/secrets/stored-secrets.ts'
import { createApiKey, createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { LOCAL_FAKES } from '../helpers/local-network.ts'
import { runCli } from '../helpers/run-cli.ts'

const serverUrl = process.env.DATABASE_URL

/** Every byte the database keeps: the files of the embedded one, a pg_dump of the server's. */
function everythingStored(database: { url?: string }, dataDir: string): Buffer {
  if (database.url) return execFileSync('pg_dump', ['--no-owner', database.url], { maxBuffer: 512 * 1024 * 1024 })
  const files: Buffer[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else files.push(readFileSync(path))
    }
  }
  walk(dataDir)
  return Buffer.concat(files)
}

t.test('a sealed value opens only with its key, for its own field, unaltered', async (t) => {
  const box = createSecretBox([randomBytes(32)])
  const sealed = box.seal('app-password-1', credentialPurpose('appPassword'))
  t.notMatch(sealed, /app-password-1/)
  t.not(sealed, box.seal('app-password-1', credentialPurpose('appPassword')), 'a fresh IV each time')
  t.equal(box.open(sealed, credentialPurpose('appPassword')), 'app-password-1')
  t.throws(() => box.open(sealed, WEBHOOK_SECRET_PURPOSE), SecretBoxError, 'moved to another field, it does not open')
  t.throws(() => createSecretBox([randomBytes(32)]).open(sealed, credentialPurpose('appPassword')), /sealed with key .* this process does not hold/)
  const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`
  t.throws(() => box.open(flipped, credentialPurpose('appPassword')), /altered/)
})

t.test('no plaintext secret in the stored database; rotation re-seals everything', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-secrets-'))
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
  const oldKey = randomBytes(32).toString('base64')
  // Embedded: a database on disk with its key file; PostgreSQL: a database of its own and SECRET_KEY.
  const open = async (): Promise<Database & { url?: string }> => {
    if (serverUrl) return openTestDatabase(t)
    const database = await openDatabase({ dataDir, command: 'test' })
    await migrateToLatest(database.db)
    return database
  }
  const keyConfig = (url?: string) => ({ secretKey: url ? oldKey : undefined, database: { url, dataDir } })
  let database = await open()
  const box = await openSecrets(database.db, keyConfig(database.url))
  if (!database.url) t.equal(statSync(join(dataDir, 'secret.key')).mode & 0o777, 0o600, 'the key file is made readable by its owner only')

  const app = await buildApp({ db: database.db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 10_000, addressPolicy: LOCAL_FAKES, secrets: box })
  const { id } = await createWorkspace(database.db, 'Secrets')
  const admin = (await createApiKey(database.db, id, ['admin'])).key
  const marker = `MARKER${randomBytes(6).toString('hex')}`
  const credential = `PLAINCRED${randomBytes(8).toString('hex')}`
  const source = await app.inject({
    method: 'POST', url: '/v1/sources', headers: { authorization: `Bearer ${admin}` },
    payload: { name: `Bluesky ${marker}`, network: 'bluesky', baseUrl: 'https://127.0.0.1:1', credentials: { identifier: 'me.test', appPassword: credential } },
  })
  t.equal(source.statusCode, 201, source.body)
  t.match(source.json(), { credentialsSet: ['appPassword', 'identifier'] })
  const hook = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: { authorization: `Bearer ${admin}` }, payload: { url: 'http://127.0.0.1:9/hook', events: ['alert.created'] } })
  t.equal(hook.statusCode, 201, hook.body)
  const webhookSecret: string = hook.json().secret
  await app.close()
  const rows = { source: await database.db.selectFrom('sources').select('credentials').where('workspace_id', '=', id).executeTakeFirstOrThrow(), hook: await database.db.selectFrom('webhooks').select('secret').where('workspace_id', '=', id).executeTakeFirstOrThrow() }
  t.equal(box.open(rows.source.credentials.appPassword, credentialPurpose('appPassword')), credential, 'what is stored opens to the credential')
  t.equal(box.open(rows.hook.secret, WEBHOOK_SECRET_PURPOSE), webhookSecret)

  if (database.url) {
    const stored = everythingStored(database, dataDir)
    t.ok(stored.includes(marker), 'the dump holds the source (the search can find what is there)')
    t.notOk(stored.includes(credential), 'no source credential in the dump')
    t.notOk(stored.includes(webhookSecret), 'no webhook secret in the dump')
  } else {
    await database.close()
    const stored = everythingStored(database, dataDir)
    t.ok(stored.includes(marker), 'the files hold the source (the search can find what is there)')
    t.notOk(stored.includes(credential), 'no source credential in the database files')
    t.notOk(stored.includes(webhookSecret), 'no webhook secret in the database files')
  }

  // Rotation, by command, as an operator runs it.
  const newKey = randomBytes(32).toString('base64')
  const env = database.url ? { DATABASE_URL: database.url, SECRET_KEY: oldKey, NEW_SECRET_KEY: newKey } : { DATABASE_URL: undefined, DATA_DIR: dataDir, SECRET_KEY: undefined }
  const keyFileBefore = database.url ? '' : readFileSync(join(dataDir, 'secret.key'), 'utf8')
  const rotated = await runCli(['secrets', 'rotate'], env)
  t.equal(rotated.code, 0, rotated.stderr)
  t.match(rotated.stderr, /Re-sealed 1 source\(s\), 1 webhook\(s\) and 0 network session\(s\)/)
  if (!database.url) {
    t.not(readFileSync(join(dataDir, 'secret.key'), 'utf8'), keyFileBefore, 'the key file holds the new key')
    database = await open()
  }
  const after = loadSecretBox(database.url ? { secretKey: newKey, database: { url: database.url, dataDir } } : keyConfig())
  const resealed = await database.db.selectFrom('sources').select('credentials').where('workspace_id', '=', id).executeTakeFirstOrThrow()
  t.equal(after.open(resealed.credentials.appPassword, credentialPurpose('appPassword')), credential, 'the new key opens it')
  t.throws(() => box.open(resealed.credentials.appPassword, credentialPurpose('appPassword')), SecretBoxError, 'the old key no longer does')
  const hookRow = await database.db.selectFrom('webhooks').select('secret').where('workspace_id', '=', id).executeTakeFirstOrThrow()
  t.equal(after.open(hookRow.secret, WEBHOOK_SECRET_PURPOSE), webhookSecret)
  if (!database.url) await database.close()
})

t.test('secrets stored in plaintext before encryption are sealed at start', async (t) => {
  const database = await openTestDatabase(t)
  const box = createSecretBox([randomBytes(32)])
  const { id } = await createWorkspace(database.db, 'Legacy')
  await database.db.insertInto('sources').values({ workspace_id: id, name: 'old', network: 'x', credentials: { bearerToken: 'legacy-bearer' } }).execute()
  await database.db.insertInto('webhooks').values({ workspace_id: id, url: 'https://hooks.example/x', events: ['alert.created'], secret: 'whsec_legacy' }).execute()
  const key = randomBytes(32)
  const sealedBy = createSecretBox([key])
  await openSecrets(database.db, { secretKey: key.toString('base64'), database: { url: 'postgres://unused', dataDir: ':memory:' } })
  const source = await database.db.selectFrom('sources').select('credentials').where('workspace_id', '=', id).executeTakeFirstOrThrow()
  const hook = await database.db.selectFrom('webhooks').select('secret').where('workspace_id', '=', id).executeTakeFirstOrThrow()
  t.match(source.credentials.bearerToken, /^sealed:v1:/)
  t.equal(sealedBy.open(source.credentials.bearerToken, credentialPurpose('bearerToken')), 'legacy-bearer')
  t.equal(sealedBy.open(hook.secret, WEBHOOK_SECRET_PURPOSE), 'whsec_legacy')
  t.throws(() => box.open(hook.secret, WEBHOOK_SECRET_PURPOSE))
})

t.test('with PostgreSQL and no SECRET_KEY, a key file in DATA_DIR seals secrets, with a warning to set SECRET_KEY', async (t) => {
  const dataDir = t.testdir()
  const warnings: string[] = []
  const config = { secretKey: undefined, database: { url: 'postgres://unused', dataDir } }
  const first = loadSecretBox(config, (m) => warnings.push(m))
  const sealed = first.seal('whsec_from_the_first_start', WEBHOOK_SECRET_PURPOSE)
  t.equal(statSync(join(dataDir, 'secret.key')).mode & 0o777, 0o600, 'the key file is readable by its owner only')
  t.equal(loadSecretBox(config, () => {}).open(sealed, WEBHOOK_SECRET_PURPOSE), 'whsec_from_the_first_start', 'the next start opens what the first sealed')
  t.match(warnings.join('\n'), /SECRET_KEY is not set/)
})
