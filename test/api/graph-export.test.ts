import t from 'tap'
import { DOMParser, onWarningStopParsing, type Element } from '@xmldom/xmldom'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import { upsertFollows } from '../../src/pipeline/ingest/upsert-follows.ts'
import type { NormalizedAccount, NormalizedFollow, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { topicGraphSchema } from '../../src/insight/graph-export/schema.ts'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'
import { topicWorkspace } from '../helpers/topic-workspace.ts'

const END = new Date('2026-11-20T00:00:00Z')
const DAY = 86_400_000
const ago = (days: number) => new Date(END.getTime() - days * DAY)
const h = (id: string) => `${id}@m.example`
const TRICKY_NAME = 'Éric <b>"Tom & Jerry"</b> \'quoted\'\u0001'

const account = (id: string, displayName: string | null = id.toUpperCase()): NormalizedAccount => ({
  network: 'mastodon', externalId: h(id), handle: h(id), displayName, bio: null, url: null, followersCount: 10, followingCount: 1, postsCount: 1,
})
const post = (key: string, author: string, days: number, text: string, extra: Partial<NormalizedPost> = {}): NormalizedPost => ({
  network: 'mastodon', externalId: `https://m.example/s/${key}`, authorExternalId: h(author), createdAt: ago(days), text, lang: 'fr', url: null,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 1, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [], ...extra,
})
const ref = (key: string) => `https://m.example/s/${key}`
const mention = (id: string) => [{ externalId: h(id), handle: h(id) }]
const follow = (from: string, to: string): NormalizedFollow => ({ network: 'mastodon', followerExternalId: h(from), followeeExternalId: h(to) })

async function setUp(ctx: TestApp, score = true) {
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vélo & <ville>', query: 'vélo' } })).json()
  const posts = [
    post('pa1', 'a', 2, 'Le vélo c\'est la vie'),
    post('pa2', 'a', 3, 'Vélo électrique, premier essai'),
    post('pb1', 'b', 1.5, '', { repostOfExternalId: ref('pa1') }),
    post('pc1', 'c', 1, 'Bravo pour le vélo', { replyToExternalId: ref('pa1'), replyToAuthorExternalId: h('a') }),
    post('pd1', 'd', 4, 'Ton vélo est beau', { mentions: mention('a') }),
    post('pd2', 'd', 2.5, 'Encore ton vélo', { mentions: mention('a') }),
    post('pb2', 'b', 5, 'Mon vélo rouge'),
    post('pe1', 'e', 0.5, 'Joli vélo', { quoteOfExternalId: ref('pb2') }),
    // Not topical: an off-topic mention, and a mention older than the 30-day scoring window.
    post('pc2', 'c', 1, 'On mange où ?', { mentions: mention('b') }),
    post('pd0', 'd', 40, 'Un vieux vélo', { mentions: mention('b') }),
  ]
  const accounts = [account('a'), account('b'), account('c'), account('d'), account('e', TRICKY_NAME), account('x'), account('f')]
  await ctx.database.db.transaction().execute(async (trx) => {
    const workspaceId = await topicWorkspace(trx, topic.id)
    await ingestBatch(trx, workspaceId, { posts, accounts }, [topicMatcher(topic)])
    await upsertFollows(trx, workspaceId, [follow('b', 'a'), follow('c', 'a'), follow('a', 'b'), follow('e', 'b'), follow('x', 'a'), follow('a', 'f')])
  })
  if (score) await scoreTopic(ctx.database.db, topic.id, { now: END })
  const ids = await ctx.database.db.selectFrom('accounts').select(['id', 'handle']).where('handle', 'in', ['a', 'b', 'c', 'd', 'e'].map(h)).execute()
  const idOf = Object.fromEntries(ids.map((r) => [r.handle.split('@')[0], String(r.id)]))
  return { topic: topic as { id: string }, idOf }
}

interface Edge { source: string; target: string; kind: string; weight: number; firstAt: string; lastAt: string }

function expectedEdges(idOf: Record<string, string>): Edge[] {
  const iso = (days: number) => ago(days).toISOString()
  return [
    { source: idOf.d, target: idOf.a, kind: 'mention', weight: 2, firstAt: iso(4), lastAt: iso(2.5) },
    { source: idOf.b, target: idOf.a, kind: 'repost', weight: 1, firstAt: iso(1.5), lastAt: iso(1.5) },
    { source: idOf.c, target: idOf.a, kind: 'reply', weight: 1, firstAt: iso(1), lastAt: iso(1) },
    { source: idOf.e, target: idOf.b, kind: 'quote', weight: 1, firstAt: iso(0.5), lastAt: iso(0.5) },
  ]
}
const FOLLOWS = [['b', 'a'], ['c', 'a'], ['a', 'b'], ['e', 'b']]
const sortEdges = (edges: Edge[]) => [...edges].sort((x, y) => `${x.kind}${x.source}${x.target}`.localeCompare(`${y.kind}${y.source}${y.target}`))

t.test('the JSON graph holds the snapshot\'s accounts and the topical ties among them', async (t) => {
  const ctx = await buildTestApp(t)
  const { topic, idOf } = await setUp(ctx)
  const res = await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph`, headers: bearer(ctx.mine.read) })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const graph = res.json()
  t.ok(topicGraphSchema.safeParse(graph).success, 'the streamed JSON has the documented shape')
  t.match(graph.scoreRun, { computedAt: END.toISOString(), windowStart: ago(30).toISOString() })
  t.same(graph.nodes.map((n: { handle: string }) => n.handle).sort(), ['a', 'b', 'c', 'd', 'e'].map(h), 'the scored accounts, not x or f')
  t.same(graph.nodes.map((n: { influenceRank: number }) => n.influenceRank), [1, 2, 3, 4, 5], 'highest influence first')
  t.match(graph.nodes.find((n: { id: string }) => n.id === idOf.e), { handle: h('e'), network: 'mastodon', displayName: TRICKY_NAME, followersCount: 10, prospect: false })
  for (const n of graph.nodes) t.ok(typeof n.community === 'number' && typeof n.influence === 'number' && typeof n.relay === 'number')

  const follows: Edge[] = graph.edges.filter((e: Edge) => e.kind === 'follow')
  t.same(follows.map((e) => [e.source, e.target, e.weight]).sort(), FOLLOWS.map(([s, d]) => [idOf[s], idOf[d], 1]).sort(), 'follows among the nodes only')
  t.same(sortEdges(graph.edges.filter((e: Edge) => e.kind !== 'follow')), sortEdges(expectedEdges(idOf)), 'topical interactions of the window, aggregated')
  t.same(graph.truncated, { nodes: false, edges: false })

  const small = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph?limit=2&edgeLimit=100`, headers: bearer(ctx.mine.read) })).json()
  t.equal(small.nodes.length, 2)
  const kept = new Set(small.nodes.map((n: { id: string }) => n.id))
  t.ok(small.edges.every((e: Edge) => kept.has(e.source) && kept.has(e.target)), 'edges only among the kept nodes')
  t.same(small.truncated, { nodes: true, edges: false })
  const fewEdges = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph?edgeLimit=3`, headers: bearer(ctx.mine.read) })).json()
  t.equal(fewEdges.edges.length, 3)
  t.same(fewEdges.truncated, { nodes: false, edges: true })
  t.ok(fewEdges.edges.every((e: Edge) => e.kind !== 'follow'), 'interactions are kept before follows')
  t.equal((await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph?limit=20001`, headers: bearer(ctx.mine.read) })).statusCode, 400)
})

t.test('GEXF 1.3 parses back with the same nodes and edges', async (t) => {
  const ctx = await buildTestApp(t)
  const { topic, idOf } = await setUp(ctx)
  const json = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph`, headers: bearer(ctx.mine.read) })).json()
  const viaAccept = await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph`, headers: { ...bearer(ctx.mine.read), accept: 'application/gexf+xml' } })
  const viaQuery = await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph?format=gexf`, headers: bearer(ctx.mine.read) })
  t.equal(viaAccept.statusCode, 200)
  t.match(viaAccept.headers['content-type'], /^application\/gexf\+xml/)
  t.equal(viaQuery.body, viaAccept.body, 'format=gexf and the Accept header give the same document')

  // Any warning or error of the parser fails the test: the document must be well-formed.
  const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(viaAccept.body, 'text/xml')
  const root = doc.documentElement!
  t.equal(root.localName, 'gexf')
  t.equal(root.namespaceURI, 'http://gexf.net/1.3')
  t.equal(root.getAttribute('version'), '1.3')
  t.match(doc.getElementsByTagName('description')[0].textContent, 'Topic "Vélo & <ville>"')
  const graph = doc.getElementsByTagName('graph')[0]
  t.same([graph.getAttribute('defaultedgetype'), graph.getAttribute('mode'), graph.getAttribute('timeformat')], ['directed', 'dynamic', 'dateTime'])
  const declarations = [...doc.getElementsByTagName('attributes')].find((a) => a.getAttribute('class') === 'node')!
  const declared = Object.fromEntries([...declarations.getElementsByTagName('attribute')].map((a) => [a.getAttribute('id'), a.getAttribute('type')]))
  t.match(declared, { handle: 'string', network: 'string', influence: 'double', relay: 'double', community: 'integer', prospect: 'boolean' })

  const attvalues = (node: Element) => Object.fromEntries([...node.getElementsByTagName('attvalue')].map((v) => [v.getAttribute('for'), v.getAttribute('value')]))
  const nodes = [...doc.getElementsByTagName('node')]
  t.same(nodes.map((n) => n.getAttribute('id')), json.nodes.map((n: { id: string }) => n.id), 'the same nodes, in the same order')
  for (const node of nodes) {
    const values = attvalues(node)
    const expected = json.nodes.find((n: { id: string }) => n.id === node.getAttribute('id'))
    t.equal(node.getAttribute('label'), expected.handle)
    t.same([values.handle, values.network, Number(values.influence), Number(values.community), values.prospect], [expected.handle, 'mastodon', expected.influence, expected.community, String(expected.prospect)])
    for (const id of Object.keys(values)) t.ok(id in declared, `${id} is declared`)
  }
  t.equal(attvalues(nodes.find((n) => n.getAttribute('id') === idOf.e)!).displayName, 'Éric <b>"Tom & Jerry"</b> \'quoted\'', 'escaped text reads back as written, minus the control character XML cannot carry')

  const edges = [...doc.getElementsByTagName('edge')].map((e) => ({ source: e.getAttribute('source'), target: e.getAttribute('target'), kind: e.getAttribute('kind'), weight: Number(e.getAttribute('weight')), start: e.getAttribute('start') }))
  t.equal(new Set([...doc.getElementsByTagName('edge')].map((e) => e.getAttribute('id'))).size, edges.length, 'edge ids are unique')
  t.same(
    edges.filter((e) => e.kind !== 'follow').map((e) => [e.source, e.target, e.kind, e.weight, e.start]).sort(),
    expectedEdges(idOf).map((e) => [e.source, e.target, e.kind, e.weight, e.firstAt]).sort(),
    'interaction edges with their kind, weight and start',
  )
  t.same(edges.filter((e) => e.kind === 'follow').map((e) => [e.source, e.target]).sort(), FOLLOWS.map(([s, d]) => [idOf[s], idOf[d]]).sort())
  t.ok(edges.every((e) => e.start && !Number.isNaN(Date.parse(e.start))), 'every edge starts at a dateTime')
})

t.test('content negotiation, an unscored topic, another workspace', async (t) => {
  const ctx = await buildTestApp(t)
  const { topic } = await setUp(ctx, false)
  const unscored = await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph`, headers: bearer(ctx.mine.read) })
  t.same(unscored.json(), { scoreRun: null, nodes: [], edges: [], truncated: { nodes: false, edges: false } })
  const emptyGexf = await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph?format=gexf`, headers: bearer(ctx.mine.read) })
  const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(emptyGexf.body, 'text/xml')
  t.equal(doc.getElementsByTagName('node').length, 0, 'an empty graph is still a valid document')

  const html = await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph`, headers: { ...bearer(ctx.mine.read), accept: 'text/html' } })
  t.equal(html.statusCode, 406)
  t.equal(html.json().code, 'not_acceptable')
  const preferJson = await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph`, headers: { ...bearer(ctx.mine.read), accept: 'application/gexf+xml;q=0.5, application/json' } })
  t.match(preferJson.headers['content-type'], /^application\/json/)
  const preferGexf = await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph`, headers: { ...bearer(ctx.mine.read), accept: 'application/json;q=0.4, application/gexf+xml;q=0.9' } })
  t.match(preferGexf.headers['content-type'], /^application\/gexf\+xml/)

  for (const url of [`/v1/topics/${topic.id}/graph`, `/v1/topics/${topic.id}/graph?format=gexf`]) {
    const res = await ctx.app.inject({ url, headers: bearer(ctx.theirs.read) })
    t.equal(res.statusCode, 404, url)
    t.notMatch(res.body, 'Vélo')
  }
})
