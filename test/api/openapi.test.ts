import t from 'tap'
import { readFileSync } from 'node:fs'
import { renderOpenApiDocument } from '../../openapi/document.ts'

t.test('the committed openapi/openapi.json matches the routes (run `npm run openapi` to refresh)', async (t) => {
  const committed = readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')
  t.equal(committed, await renderOpenApiDocument())
})

t.test('the document is OpenAPI 3.1 and every operation is fully described', async (t) => {
  const doc = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'))
  t.equal(doc.openapi, '3.1.0')
  const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  )
  t.ok(operations.length >= 8)
  const ids = new Set<string>()
  for (const { path, method, op } of operations) {
    const where = `${method.toUpperCase()} ${path}`
    t.ok(op.operationId, `${where} has an operationId`)
    t.notOk(ids.has(op.operationId), `${where} operationId is unique`)
    ids.add(op.operationId)
    t.ok(Object.keys(op.responses ?? {}).some((s) => s.startsWith('2')), `${where} documents its success response`)
    if (path.startsWith('/v1/')) {
      t.ok(op.responses['401'] && op.responses['403'], `${where} documents auth errors`)
      t.ok(op.security?.length || doc.security?.length, `${where} declares its security`)
    }
    if (['post', 'patch', 'put'].includes(method)) t.ok(op.requestBody?.content?.['application/json']?.schema, `${where} has a request schema`)
    if (path !== '/metrics' && path !== '/healthz') t.ok(hasExample(doc, op), `${where} shows an example`)
  }
  t.ok(doc.components.schemas.Problem, 'the problem schema is a shared component')
})

/**
 * An example on the operation's success response or request body, directly or on the schema it
 * refers to. An operation that takes no body and answers none (204) has nothing to show.
 */
function hasExample(doc: any, op: any): boolean {
  if (!op.requestBody && Object.keys(op.responses ?? {}).filter((s) => s.startsWith('2')).every((s) => s === '204')) return true
  const schemas = [
    ...Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2')).flatMap(([, r]: [string, any]) => Object.values(r.content ?? {}).map((c: any) => c.schema)),
    ...Object.values(op.requestBody?.content ?? {}).map((c: any) => c.schema),
  ]
  const resolve = (schema: any): any => (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema)
  return schemas.some((schema) => {
    const s = resolve(schema)
    return s && (s.example !== undefined || s.examples !== undefined)
  })
}
