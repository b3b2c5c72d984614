import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { generateClientTypes, GENERATED_TYPES_FILE, typeCheck } from '../fixtures/api-contract/client-types.ts'
import { buildContractApp, callApi } from '../fixtures/api-contract/contract-app.ts'
import { mediaTypeOf, renderResponseModule, type TypedSample } from '../fixtures/api-contract/response-module.ts'
import { ADMIN_READS, LIST_QUERIES, ROUTE_SEEDS } from '../fixtures/api-contract/route-seeds.ts'
import { seedWorkspace, type SeededWorkspace } from '../fixtures/api-contract/seed-workspace.ts'
import { fillPath, listOperations, operationKey, readOpenApiDocument, withQuery, type Operation } from '../fixtures/openapi-document.ts'

// A TypeScript client generated from openapi/openapi.json by openapi-typescript must accept the
// answers the API really gives: every JSON GET route is called on a seeded workspace and its body
// declared as a constant of the generated response type, then compiled in strict mode.

const JSON_TYPE = 'application/json'
const isJsonRead = (op: Operation) => op.method === 'GET' && (op.responses['200'] ?? []).includes(JSON_TYPE)

function urlFor(op: Operation, seeded: SeededWorkspace): string {
  const seed = ROUTE_SEEDS[op.path]
  if (op.pathParams.length && !seed) throw new Error(`${operationKey(op)} has path parameters but no entry in ROUTE_SEEDS (test/fixtures/api-contract/route-seeds.ts)`)
  const query = { ...(seed?.query?.(seeded) ?? {}), ...(LIST_QUERIES[operationKey(op)]?.(seeded) ?? {}) }
  const missing = op.requiredQuery.filter((name) => !(name in query))
  if (missing.length) throw new Error(`${operationKey(op)} requires ${missing.join(', ')}: give values in ROUTE_SEEDS or LIST_QUERIES`)
  const params = seed?.params(seeded) ?? {}
  return withQuery(fillPath(op.path, (name) => params[name]), query)
}

t.test('the generated client types accept every real JSON answer, and refuse a wrong one', async (t) => {
  const context = await buildContractApp(t)
  const seeded = await seedWorkspace(context)
  const document = readOpenApiDocument()
  const reads = listOperations(document).filter(isJsonRead)
  t.ok(reads.length >= 20, `${reads.length} JSON GET routes documented`)

  const samples: TypedSample[] = []
  const empty: string[] = []
  for (const op of reads) {
    const url = urlFor(op, seeded)
    const answer = await callApi(context.app, ADMIN_READS.has(operationKey(op)) ? context.a.admin : context.a.read, 'GET', url)
    const mediaType = mediaTypeOf(answer.contentType)
    t.equal(answer.status, 200, `GET ${url} answers 200`)
    t.ok(op.responses['200'].includes(mediaType), `GET ${url}: ${mediaType} is a documented content type`)
    if (answer.status !== 200) continue
    if (/"items":\[\]/.test(answer.text)) empty.push(op.path)
    samples.push({ label: `GET ${url}`, path: op.path, method: 'get', status: 200, mediaType: JSON_TYPE, body: answer.json() })
  }
  for (const c of seeded.captured) {
    if (c.method === 'get') continue
    t.ok(mediaTypeOf(c.contentType) === JSON_TYPE, `${c.method.toUpperCase()} ${c.path} answers JSON`)
    samples.push({ label: `${c.method.toUpperCase()} ${c.path} → ${c.status}`, path: c.path, method: c.method, status: c.status, mediaType: JSON_TYPE, body: c.body })
  }
  const missing = await callApi(context.app, context.a.read, 'GET', '/v1/topics/00000000-0000-4000-8000-000000000000')
  t.equal(missing.status, 404)
  t.equal(mediaTypeOf(missing.contentType), 'application/problem+json', 'errors are problem+json')
  const documented404 = reads.find((op) => op.path === '/v1/topics/{id}')?.responses['404'] ?? []
  t.ok(documented404.includes('application/problem+json'), 'errors are documented as application/problem+json')
  samples.push({ label: 'GET /v1/topics/{id} → 404', path: '/v1/topics/{id}', method: 'get', status: 404, mediaType: 'application/problem+json', body: missing.json() })
  if (empty.length) t.comment(`answered with an empty list (typed, but only as far as an empty list goes): ${empty.join(', ')}`)

  const wrong = wrongSamples(samples)
  const real = renderResponseModule(samples)
  const refused = renderResponseModule(wrong)
  const dir = mkdtempSync(join(tmpdir(), 'relais-openapi-client-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const diagnostics = typeCheck(dir, {
    [GENERATED_TYPES_FILE]: await generateClientTypes(document),
    'real-responses.ts': real.source,
    'wrong-responses.ts': refused.source,
  })

  const outsideWrong = diagnostics.filter((d) => d.file !== 'wrong-responses.ts')
  t.same(outsideWrong.map((d) => `${d.file}:${d.line} ${real.labelAt.get(d.line) ?? ''}\n${d.message}`), [], `${samples.length} real answers type-check against the generated client`)
  for (const label of refused.labelAt.values()) {
    const hits = diagnostics.filter((d) => d.file === 'wrong-responses.ts' && refused.labelAt.get(d.line) === label)
    t.ok(hits.length > 0, `refused: ${label}`, { diagnostics: hits.map((d) => d.message) })
  }
})

/** Deliberately wrong bodies: the check above is worth something only if these fail to compile. */
function wrongSamples(samples: readonly TypedSample[]): TypedSample[] {
  const find = (path: string) => {
    const sample = samples.find((s) => s.path === path && s.method === 'get' && s.status === 200)
    if (!sample) throw new Error(`no sample of ${path}`)
    return structuredClone(sample.body) as Record<string, unknown> & { items: Record<string, unknown>[] }
  }
  const withRankAsText = find('/v1/topics/{id}/influencers')
  withRankAsText.items[0].rank = String(withRankAsText.items[0].rank)
  const { computedAt: _dropped, ...withoutComputedAt } = find('/v1/topics/{id}/influencers')
  const unknownRanking = { ...find('/v1/topics/{id}/relays'), ranking: 'followers' }
  const leakedColumn = { ...find('/v1/topics/{id}'), workspaceId: 'not in the schema' }
  const influencers = { path: '/v1/topics/{id}/influencers', method: 'get', status: 200, mediaType: JSON_TYPE }
  return [
    { ...influencers, label: 'a rank sent as text', body: withRankAsText },
    { ...influencers, label: 'computedAt left out', body: withoutComputedAt },
    { ...influencers, path: '/v1/topics/{id}/relays', label: 'a ranking name outside the enum', body: unknownRanking },
    { ...influencers, path: '/v1/topics/{id}', label: 'a column the schema does not list', body: leakedColumn },
  ]
}
