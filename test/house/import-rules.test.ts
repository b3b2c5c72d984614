// The house rules, checked on every file under src/: the HTTP layer and the jobs are reached only
// from the command line, production code loads only production dependencies, and no two rooms
// import each other (directly or round a loop).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { importEdges, packageOf, ROOT, roomCycles, roomOf, type ImportEdge } from './fixtures/import-graph.ts'

const edges = importEdges()
const describe = (e: ImportEdge) => `${e.from} imports ${e.specifier}`

t.test('the graph is read (the checks below see real imports)', async (t) => {
  t.ok(edges.length > 1000, `${edges.length} imports read`)
  t.ok(edges.some((e) => e.from === 'src/cli/commands/serve.ts' && e.target?.startsWith('src/api/')), 'the CLI is seen importing the API')
})

t.test('only the CLI and the API itself import from src/api/', async (t) => {
  const offenders = edges.filter((e) => e.target?.startsWith('src/api/') && !e.from.startsWith('src/api/') && !e.from.startsWith('src/cli/'))
  t.same(offenders.map(describe), [])
})

t.test('nothing under src/ but the CLI imports from jobs/', async (t) => {
  const offenders = edges.filter((e) => e.target?.startsWith('jobs/') && !e.from.startsWith('src/cli/'))
  t.same(offenders.map(describe), [])
})

t.test('nothing under src/ loads a devDependency or an undeclared package', async (t) => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  const offenders = edges.filter((e) => {
    if (e.target !== null || e.typeOnly) return false
    const name = packageOf(e.specifier)
    return name !== null && !(name in manifest.dependencies)
  })
  t.same(offenders.map(describe), [])
})

t.test('no import cycle between rooms', async (t) => {
  t.same(roomCycles(edges), [])
})

t.test('the cycle finder finds a planted loop, and rooms are named by wing', async (t) => {
  const planted: ImportEdge[] = [
    { from: 'src/insight/a/x.ts', specifier: '', target: 'src/tenancy/b/y.ts', typeOnly: false },
    { from: 'src/tenancy/b/y.ts', specifier: '', target: 'src/platform/c/z.ts', typeOnly: false },
    { from: 'src/platform/c/z.ts', specifier: '', target: 'src/insight/a/w.ts', typeOnly: false },
    { from: 'src/graph/g.ts', specifier: '', target: 'src/platform/c/z.ts', typeOnly: false },
  ]
  t.same(roomCycles(planted), [['src/insight/a', 'src/platform/c', 'src/tenancy/b']])
  t.equal(roomOf('src/pipeline/networks/http/send-once.ts'), 'src/pipeline/networks')
  t.equal(roomOf('src/api/routes/topics/index.ts'), 'src/api')
})
