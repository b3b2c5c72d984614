// Every operation of the OpenAPI document (openapi/openapi.json, so routes added later are
// covered too) receives property-based requests: wrong types, huge strings, odd unicode,
// injection strings, negative and huge limits, forged cursors, unknown fields, foreign and
// unknown ids, missing, foreign, revoked and wrong keys. Whatever is sent: no 5xx, every error is
// problem+json, no answer shows another workspace's data, and no answer shows a stored secret.
import t from 'tap'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { createJobs } from '../../jobs/index.ts'
import { buildApp } from '../../src/api/app.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { listOperations, readOpenApiDocument } from '../fixtures/openapi-document.ts'
import { fileDatabase } from '../helpers/app.ts'
import { resolveHostNamesLocally } from './fixtures/local-dns.ts'
import { boundaryRequests } from './fixtures/boundary-requests.ts'
import { requestArbitrary, type FuzzRequest } from './fixtures/request-arbitrary.ts'
import { foreignDataViolations, problemViolations, type Answer } from './fixtures/response-checks.ts'
import { seedTwoWorkspaces } from './fixtures/two-workspaces.ts'

const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 20)
const seedOf = (text: string) => createHash('sha256').update(text).digest().readInt32LE(0)

t.teardown(resolveHostNamesLocally())
const database = await fileDatabase()
const app = await buildApp({ db: database.db, metrics: createMetrics(), bodyLimit: 1024 * 1024, rateLimitPerMinute: 1_000_000, jobs: [...createJobs().values()], secrets: TEST_SECRETS, authFailuresPerMinute: 1_000_000 })
t.teardown(() => app.close())
const world = await seedTwoWorkspaces(app, database)
if (world.unseeded.length) t.comment(`examples that could not be created:\n${world.unseeded.join('\n')}`)

const document = readOpenApiDocument()
const schemas = document.components?.schemas ?? {}
// Reads first, then writes, deletions last, so the seeded resources serve as long as possible.
const order = { GET: 0, POST: 1, PUT: 1, PATCH: 2, DELETE: 3 }
// A live stream answers by staying open: test/api/mention-stream.test.ts checks it, with its refusals.
const operations = listOperations(document).filter((op) => !(op.responses['200'] ?? []).includes('text/event-stream')).sort((a, b) => order[a.method] - order[b.method])
const answered: { request: FuzzRequest; answer: Answer }[] = []
const statuses = new Map<number, number>()

async function send(request: FuzzRequest): Promise<Answer> {
  const res = await app.inject({ method: request.method, url: request.url, headers: request.headers, ...(request.payload !== undefined && { payload: request.payload }) })
  const answer: Answer = { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body }
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
  answered.push({ request, answer })
  return answer
}

t.test('every query parameter and body field at the edges of its type', async (t) => {
  let sent = 0
  for (const op of operations) {
    const failures: string[] = []
    for (const request of boundaryRequests(op, world, schemas)) {
      const violations = problemViolations(await send(request))
      sent++
      if (violations.length) failures.push(`${request.url.slice(0, 200)} ${request.payload?.slice(0, 200) ?? ''}: ${violations.join('; ').slice(0, 300)}`)
    }
    if (failures.length) t.fail(`${op.method} ${op.path}:\n${failures.join('\n')}`)
  }
  t.ok(sent > 100, `${sent} boundary requests`)
})

for (const op of operations) {
  t.test(`${op.method} ${op.path}`, async (t) => {
    let sent = 0
    const property = fc.asyncProperty(requestArbitrary(op, world, schemas), async (request) => {
      const answer = await send(request)
      sent++
      const violations = [...problemViolations(answer), ...foreignDataViolations(request, answer, world)]
      if (violations.length) throw new Error(violations.join('\n'))
    })
    const details = await fc.check(property, { numRuns: RUNS_PER_OPERATION, seed: seedOf(op.operationId) })
    if (details.failed) {
      const shown = details.counterexample ? JSON.stringify(details.counterexample[0], (_k, v: unknown) => (typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}…(${v.length})` : v), 2) : ''
      t.fail(`${op.operationId}: ${(details.errorInstance as Error | undefined)?.message ?? 'failed'}\nrequest: ${shown}\nreplay with seed ${details.seed}, path ${details.counterexamplePath}`)
    } else {
      t.pass(`${op.operationId}: ${sent} requests, no 5xx, every error problem+json, nothing of another workspace`)
    }
  })
}

t.test('no answer showed a stored secret (credentials, key hashes, signing secrets, API keys)', async (t) => {
  // A value the fuzzing client itself stored as a credential (an id, a common word) is no secret.
  const chosenByClient = answered.map(({ request }) => request.payload ?? '').join('\n')
  const secrets = (await world.storedSecrets()).filter((s) => !chosenByClient.includes(s))
  t.ok(secrets.length >= 10, `${secrets.length} stored secrets looked for`)
  // A webhook's signing secret is shown once, in the answer that created it.
  const shown = answered.filter(({ request, answer }) => !(request.method === 'POST' && answer.status === 201))
    .flatMap(({ request, answer }) => secrets.filter((s) => answer.body.includes(s)).map((s) => `${request.method} ${request.url.slice(0, 120)} → ${answer.status} shows "${s.slice(0, 12)}…"`))
  t.same(shown, [], `${answered.length} answers read`)
  t.comment(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`)
})

t.test('an unknown route or method is a 404 problem+json', async (t) => {
  const { admin } = world.mine.workspace
  for (const [method, url] of [['GET', '/v1/nothing-here'], ['DELETE', '/v1/topics'], ['PUT', '/v1/jobs'], ['GET', '/v1/../../etc/passwd'], ['GET', '/%00'], ['PATCH', '/healthz']] as const) {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${admin}` } })
    t.same(problemViolations({ status: res.statusCode, contentType: String(res.headers['content-type']), body: res.body }), [], `${method} ${url} → ${res.statusCode}`)
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} ${url} is refused`)
  }
})
