/**
 * Scoring benchmark: graph build, PageRank, sampled betweenness and Louvain on seeded
 * synthetic power-law graphs, with python-igraph measured in the same run as the baseline.
 * Prints figures and ratios; never asserts on time. See README.md.
 */
import { join } from 'node:path'
import { betweenness, fromEdges, louvain, modularity, pageRankWithStats, undirectedView } from '../../src/graph/index.ts'
import type { Graph } from '../../src/graph/index.ts'
import { parseBenchArgs } from './args.ts'
import { compareRankings } from './compare-rankings.ts'
import { createScratch, igraphAvailable, igraphLouvain, igraphPageRank, writeEdgeFile } from './igraph.ts'
import { currentRssBytes, heading, line, median, mib, peakRssBytes, ratio, secs, timed, wallCpu } from './measure.ts'
import { syntheticGraph } from './synthetic-graph.ts'

const args = parseBenchArgs(process.argv.slice(2))
const withIgraph = !args.skipIgraph && igraphAvailable()
const scratch = createScratch()
console.log(`Relais scoring benchmark — node ${process.version}, seed ${args.seed}`)
if (!args.skipIgraph && !withIgraph) console.log('python-igraph not found at /usr/bin/python3: igraph baselines skipped')

const baselineRss = currentRssBytes()
heading(`Large graph: ${args.nodes} nodes, ${args.edges} edges (Chung–Lu power law)`)
const generated = timed(() => syntheticGraph({ nodes: args.nodes, edges: args.edges, seed: args.seed }))
line('generate edge list (not part of the target)', wallCpu(generated))
let input: { src: Int32Array; dst: Int32Array } | null = generated.value
const built = timed(() => fromEdges(args.nodes, input!.src, input!.dst))
input = null // the caller's edge list is not needed once the CSR exists
const graph: Graph = built.value
line('build CSR (fromEdges)', wallCpu(built))
line('distinct edges', String(graph.edgeCount))

const pageRankRuns = [timed(() => pageRankWithStats(graph))]
const peakAfterPageRank = peakRssBytes()
for (let r = 1; r < args.repeat; r++) pageRankRuns.push(timed(() => pageRankWithStats(graph)))
const pageRankSeconds = pageRankRuns.map((run) => run.seconds)
const ours = pageRankRuns[0].value
const bestPageRank = Math.min(...pageRankSeconds)
for (const [r, run] of pageRankRuns.entries()) line(`PageRank run ${r + 1} (α 0.85, L1 change < 1e-6)`, wallCpu(run))
line('PageRank median wall', secs(median(pageRankSeconds)))
line('iterations / last L1 change', `${ours.iterations} / ${ours.change.toExponential(2)}`)
line('build + PageRank (first run)', wallCpu({ seconds: built.seconds + pageRankSeconds[0], cpuSeconds: built.cpuSeconds + pageRankRuns[0].cpuSeconds }))
line('build + PageRank (best PageRank run)', secs(built.seconds + bestPageRank))
const graphBytes = csrBytes(graph)
line('CSR arrays', `${mib(graphBytes)} = ${(graphBytes / graph.edgeCount).toFixed(1)} bytes/edge`)
line('RSS before generating', mib(baselineRss))
line('peak RSS after build + PageRank', `${mib(peakAfterPageRank)} = ${(peakAfterPageRank / graph.edgeCount).toFixed(1)} bytes/edge`)

let edgeFile: string | null = null
if (withIgraph) {
  heading('igraph PRPACK PageRank on the same graph')
  edgeFile = join(scratch.dir, 'edges.bin')
  writeEdgeFile(graph, edgeFile)
  const theirs = igraphPageRank(graph.nodeCount, edgeFile, scratch.dir)
  line(`python-igraph ${theirs.igraphVersion}: load edge list (untimed)`, secs(theirs.loadSeconds))
  line('igraph pagerank (PRPACK)', wallCpu({ seconds: theirs.pagerankSeconds, cpuSeconds: theirs.pagerankCpuSeconds }))
  const agreement = compareRankings(ours.ranks, theirs.ranks, 10)
  line('top-10 nodes in common / same order', `${agreement.overlap}/10 / ${agreement.sameOrder ? 'yes' : 'no'}`)
  line('L1 distance between rank vectors', agreement.l1.toExponential(2))
  line('igraph PRPACK ÷ our PageRank (median wall)', ratio(theirs.pagerankSeconds / median(pageRankSeconds)))
  line('igraph PRPACK ÷ our PageRank (cpu, first run)', ratio(theirs.pagerankCpuSeconds / pageRankRuns[0].cpuSeconds))
  line('igraph PRPACK ÷ our build + PageRank (wall)', ratio(theirs.pagerankSeconds / (built.seconds + pageRankSeconds[0])))
}

heading(`Sampled betweenness: ${args.betweennessNodes} nodes, ${args.betweennessEdges} edges, ${args.samples} sources`)
{
  const { src, dst } = syntheticGraph({ nodes: args.betweennessNodes, edges: args.betweennessEdges, seed: args.seed + 1 })
  const small = fromEdges(args.betweennessNodes, src, dst)
  const directed = timed(() => betweenness(small, { samples: args.samples }))
  line('directed (as stored, the default)', wallCpu(directed))
  const undirected = timed(() => betweenness(small, { samples: args.samples, directed: false }))
  line('undirected (symmetrised, view build included)', wallCpu(undirected))
}

if (!args.skipLouvain) {
  heading(`Louvain on the large graph (symmetrised)`)
  const view = timed(() => undirectedView(graph))
  line('symmetrise (undirected view)', wallCpu(view))
  const communities = timed(() => louvain(graph))
  const quality = modularity(graph, communities.value)
  const count = communities.value.reduce((max, c) => Math.max(max, c), -1) + 1
  line('louvain', wallCpu(communities))
  line('symmetrise + louvain', wallCpu({ seconds: view.seconds + communities.seconds, cpuSeconds: view.cpuSeconds + communities.cpuSeconds }))
  line('communities / modularity', `${count} / ${quality.toFixed(4)}`)
  line('peak RSS so far', `${mib(peakRssBytes())}`)
  if (withIgraph && edgeFile !== null && !args.skipIgraphLouvain) {
    const theirs = igraphLouvain(graph.nodeCount, edgeFile)
    line('igraph: load + symmetrise (untimed)', secs(theirs.loadSeconds))
    line('igraph community_multilevel', wallCpu({ seconds: theirs.louvainSeconds, cpuSeconds: theirs.louvainCpuSeconds }))
    line('igraph communities / modularity', `${theirs.communities} / ${theirs.modularity.toFixed(4)}`)
    line('igraph multilevel ÷ our symmetrise + louvain (wall)', ratio(theirs.louvainSeconds / (view.seconds + communities.seconds)))
    line('igraph multilevel ÷ our symmetrise + louvain (cpu)', ratio(theirs.louvainCpuSeconds / (view.cpuSeconds + communities.cpuSeconds)))
  }
}
scratch.dispose()

function csrBytes(g: Graph): number {
  const arrays = [g.outOffsets, g.outTargets, g.outWeights, g.inOffsets, g.inSources, g.inWeights]
  return arrays.reduce((sum, a) => sum + (a === null ? 0 : a.byteLength), 0)
}
