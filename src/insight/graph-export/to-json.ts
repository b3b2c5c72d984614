import type { TopicGraph } from './schema.ts'

const ITEMS_PER_CHUNK = 1000

/**
 * The graph as JSON, in chunks: a graph of 20,000 nodes and hundreds of thousands of edges goes
 * out as it is written instead of being validated and stringified in one piece. Nodes and edges
 * are already the DTOs the schema describes (built field by field in load-graph.ts).
 */
export function* jsonChunks(graph: TopicGraph): Generator<string> {
  yield `{"scoreRun":${JSON.stringify(graph.scoreRun)},"truncated":${JSON.stringify(graph.truncated)},"nodes":[`
  yield* items(graph.nodes)
  yield '],"edges":['
  yield* items(graph.edges)
  yield ']}'
}

function* items(list: readonly object[]): Generator<string> {
  for (let start = 0; start < list.length; start += ITEMS_PER_CHUNK) {
    const chunk = list.slice(start, start + ITEMS_PER_CHUNK).map((item) => JSON.stringify(item)).join(',')
    yield start === 0 ? chunk : `,${chunk}`
  }
}
