// The OpenAPI document speaks the API's vocabulary, not zod's: no safe-integer bounds, no
// date-time regular expressions; each operation says the scope it needs, and that scope is the
// one the server enforces (checked by calling every operation with the scope just below).
import t from 'tap'
import { readFileSync } from 'node:fs'
import { bearer, buildTestApp } from '../helpers/app.ts'

type Operation = { operationId: string; description?: string; 'x-required-scope'?: string }
const doc = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'))
const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>)
  .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })))

t.test('no zod artefacts in the document', async (t) => {
  const text = JSON.stringify(doc)
  t.notMatch(text, /9007199254740991/, 'integers without the safe-integer bounds')
  const dateTimes: Record<string, unknown>[] = []
  JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && value.format === 'date-time') dateTimes.push(value)
    return value
  })
  t.ok(dateTimes.length > 20, 'date-times are still typed as such')
  t.same(dateTimes.filter((s) => 'pattern' in s), [], 'without the regular expression zod checks them with')
  const limit = doc.paths['/v1/topics'].get.parameters.find((p: { name: string }) => p.name === 'limit')
  t.match(limit.schema, { type: 'integer', minimum: 1, maximum: 100, default: 50 })
})

t.test('every operation that needs a scope says which, in its description and as x-required-scope', async (t) => {
  const v1 = operations.filter(({ path }) => path.startsWith('/v1/'))
  const scoped = v1.filter(({ op }) => op['x-required-scope'])
  t.ok(scoped.length >= 40, `${scoped.length} operations name their scope`)
  for (const { method, path, op } of scoped) {
    const scope = op['x-required-scope']!
    t.ok(['read', 'write', 'admin'].includes(scope), `${method} ${path}: ${scope}`)
    t.match(op.description, new RegExp(`Requires the \`${scope}\` scope`), `${method} ${path} says it in words`)
  }
  const byId = Object.fromEntries(v1.map(({ op }) => [op.operationId, op['x-required-scope']]))
  t.match(byId, { listTopics: 'read', createTopic: 'write', listInfluencers: 'read' }, 'a few known ones')
  t.ok(Object.values(byId).includes('admin'), 'admin operations are marked')
})

t.test('the scope the document names is the scope the server enforces', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const below: Record<string, string | undefined> = { read: undefined, write: mine.read, admin: mine.write }
  const at: Record<string, string> = { read: mine.read, write: mine.write, admin: mine.admin }
  const uuid = '00000000-0000-4000-8000-000000000000'
  for (const { method, path, op } of operations) {
    const scope = op['x-required-scope']
    if (!scope) continue
    const url = path.replace(/\{[^}]+\}/g, (name) => (name === '{network}' ? 'mastodon' : uuid))
    const call = (key: string) => app.inject({ method: method.toUpperCase() as 'GET', url, headers: bearer(key), ...(method !== 'get' && method !== 'delete' && { payload: {} }) })
    const lower = below[scope]
    if (lower) t.equal((await call(lower)).statusCode, 403, `${method.toUpperCase()} ${path}: a key one scope short is refused`)
    t.not((await call(at[scope])).statusCode, 403, `${method.toUpperCase()} ${path}: a ${scope} key is let through`)
  }
})
