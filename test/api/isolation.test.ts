import t, { type Test } from 'tap'
import { buildContractApp, callApi, expectApi, type ContractApp } from '../fixtures/api-contract/contract-app.ts'
import { coverageGaps, isV1, leakedFingerprints, listReads, scopedProbes, unscopedWrites, type Probe } from '../fixtures/api-contract/isolation-probes.ts'
import { mediaTypeOf } from '../fixtures/api-contract/response-module.ts'
import { ADMIN_READS, LIST_QUERIES, ROUTE_SEEDS } from '../fixtures/api-contract/route-seeds.ts'
import { seedWorkspace, type SeededWorkspace } from '../fixtures/api-contract/seed-workspace.ts'
import { fillPath, listOperations, operationKey, withQuery, type Operation } from '../fixtures/openapi-document.ts'

// Workspace isolation over every /v1 operation of openapi/openapi.json: workspace A has data behind
// every route, workspace B (admin key) asks for it by id on each route, lists its own resources,
// and writes; B must get 404 (403 allowed for writes), see none of A's identifiers, names or
// handles, and leave A's data as it was. The tables live in test/fixtures/api-contract/route-seeds.ts.

const operations = listOperations()

t.test('every documented /v1 operation is in the isolation tables', async (t) => {
  const gaps = coverageGaps(operations)
  t.same(gaps, [], gaps.length ? `routes the isolation test cannot seed:\n  ${gaps.join('\n  ')}` : 'all operations covered')
  t.ok(operations.filter((op) => isV1(op) && op.pathParams.length).length >= 20, 'operations with path parameters are found in the document')
})

t.test('workspace B reaches none of workspace A\'s data on any route', async (t) => {
  const context = await buildContractApp(t)
  const a = await seedWorkspace(context)
  const bTopic = await expectApi<{ id: string }>(context.app, context.b.write, 'POST', '/v1/topics', 201, { name: 'B\'s own topic', query: '#cuisine' })
  const before = await readAsA(context, a)
  t.ok(before.get('GET /v1/topics')?.includes(a.topic.id), 'A\'s own list shows A\'s topic (the fingerprint scan can see a leak)')

  // Reads first: B's own writes below reuse some of A's names, which B may then rightly list.
  const table: string[] = []
  for (const probe of [...listReads(operations, a), ...scopedProbes(operations, a, bTopic.id), ...unscopedWrites(operations, a)]) {
    const answer = await callApi(context.app, context.b.admin, probe.method, probe.url, probe.body)
    table.push(`${probe.label.padEnd(62)} → ${answer.status}`)
    checkAnswer(t, probe, answer, a)
  }
  t.comment(`workspace B's requests:\n${table.join('\n')}`)

  const after = await readAsA(context, a)
  for (const [key, body] of before) t.equal(after.get(key), body, `${key}: A's data unchanged`)
})

function checkAnswer(t: Test, probe: Probe, answer: { status: number; contentType: string; text: string }, a: SeededWorkspace) {
  const where = `${probe.method} ${probe.url}`
  t.ok(probe.expect.includes(answer.status), `${probe.label}: ${answer.status} (expected ${probe.expect.join(' or ')})`, { where, body: answer.text.slice(0, 300) })
  if (probe.refused) t.equal(mediaTypeOf(answer.contentType), 'application/problem+json', `${probe.label}: a problem+json refusal`)
  t.same(leakedFingerprints(answer.text, a.fingerprints, probe), [], `${probe.label}: nothing of A's in the answer`)
}

/** A's view of every JSON read, by operation (with A's own key), to compare before and after B's requests. */
async function readAsA({ app, a: keys }: ContractApp, a: SeededWorkspace): Promise<Map<string, string>> {
  const views = new Map<string, string>()
  for (const op of operations.filter((o: Operation) => isV1(o) && o.method === 'GET' && (o.responses['200'] ?? []).includes('application/json'))) {
    const seed = ROUTE_SEEDS[op.path]
    if (op.pathParams.length && !seed) continue
    const params = seed?.params(a) ?? {}
    const url = withQuery(fillPath(op.path, (name) => params[name]), { ...(seed?.query?.(a) ?? {}), ...(LIST_QUERIES[operationKey(op)]?.(a) ?? {}) })
    const answer = await callApi(app, ADMIN_READS.has(operationKey(op)) ? keys.admin : keys.read, 'GET', url)
    views.set(operationKey(op), `${answer.status} ${answer.text}`)
  }
  return views
}
