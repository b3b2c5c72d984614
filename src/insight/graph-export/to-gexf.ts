import type { GraphNode, TopicGraph } from './schema.ts'
import { xmlEscape } from './xml.ts'

export const GEXF_CONTENT_TYPE = 'application/gexf+xml'

/** Node attributes as GEXF declares them: id (also the title), type, how to read it off a node. */
const NODE_ATTRIBUTES: { id: string; type: 'string' | 'integer' | 'double' | 'boolean'; value(n: GraphNode): string | number | boolean | null }[] = [
  { id: 'handle', type: 'string', value: (n) => n.handle },
  { id: 'network', type: 'string', value: (n) => n.network },
  { id: 'displayName', type: 'string', value: (n) => n.displayName },
  { id: 'url', type: 'string', value: (n) => n.url },
  { id: 'followersCount', type: 'integer', value: (n) => n.followersCount },
  { id: 'influence', type: 'double', value: (n) => n.influence },
  { id: 'relay', type: 'double', value: (n) => n.relay },
  { id: 'influenceRank', type: 'integer', value: (n) => n.influenceRank },
  { id: 'relayRank', type: 'integer', value: (n) => n.relayRank },
  { id: 'community', type: 'integer', value: (n) => n.community },
  { id: 'prospect', type: 'boolean', value: (n) => n.prospect },
]

const LINES_PER_CHUNK = 500

/**
 * The graph as a GEXF 1.3 document, in chunks of a few hundred lines so a large graph streams
 * out without being held twice in memory. Directed, dynamic (each edge starts at its first
 * interaction, or when the follow was first seen), node scores as declared attributes.
 */
export function* gexfChunks(graph: TopicGraph, title: string): Generator<string> {
  const lastModified = (graph.scoreRun?.computedAt ?? new Date().toISOString()).slice(0, 10)
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${lastModified}">`,
    '    <creator>Relais</creator>',
    `    <description>${xmlEscape(title)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="dateTime">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>`),
    '    </attributes>',
    '    <nodes>',
  ]
  yield `${head.join('\n')}\n`
  yield* inChunks(graph.nodes, (n) => {
    const values = NODE_ATTRIBUTES.flatMap((a) => {
      const v = a.value(n)
      return v === null ? [] : [`<attvalue for="${a.id}" value="${xmlEscape(String(v))}"/>`]
    })
    return `      <node id="${n.id}" label="${xmlEscape(n.handle)}"><attvalues>${values.join('')}</attvalues></node>`
  })
  yield '    </nodes>\n    <edges>\n'
  yield* inChunks(graph.edges, (e, i) =>
    `      <edge id="${i}" source="${e.source}" target="${e.target}" kind="${e.kind}" weight="${e.weight}" start="${e.firstAt}"/>`)
  yield '    </edges>\n  </graph>\n</gexf>\n'
}

function* inChunks<T>(items: readonly T[], line: (item: T, index: number) => string): Generator<string> {
  for (let start = 0; start < items.length; start += LINES_PER_CHUNK) {
    const lines: string[] = []
    for (let i = start; i < Math.min(items.length, start + LINES_PER_CHUNK); i++) lines.push(line(items[i], i))
    yield `${lines.join('\n')}\n`
  }
}
