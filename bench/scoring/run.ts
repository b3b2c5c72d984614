/**
 * Scoring benchmark: graph build, PageRank, sampled betweenness and Louvain on seeded
 * synthetic power-law graphs, with python-igraph measured in the same run as the baseline.
 * Prints figures and ratios; never asserts on time. See README.md.
 */
import { join } from 'node:path'
import { betweenness, fromEdges, louvain, modularity, pageRankWithStats, undirectedView } from '../../src/graph/index.ts'
import type { Graph, PageRankResult } from '../../src/graph/index.ts'
import { parseBenchArgs, type BenchArgs } from './args.ts'
import { compareRankings } from './compare-rankings.ts'
import { createScratch, igraphAvailable, igraphLouvain, igraphPageRank, writeEdgeFile } from './igraph.ts'
import { median, mib } from '../shared/measure.ts'
import { currentRssBytes, heading, line, peakRssBytes, ratio, secs, timed, wallCpu, type Timed } from './measure.ts'
import { syntheticGraph } from './synthetic-graph.ts'

const args = parseBenchArgs(process.argv.slice(2))
const withIgraph = !args.skipIgraph && igraphAvailable()
const scratch = createScratch()
console.log(`Relais scoring benchmark — node ${process.version}, seed ${args.seed}`)
if (!args.skipIgraph && !withIgraph) console.log('python-igraph not found at /usr/bin/python3: igraph baselines skipped')
try {
  const large = buildAndRank(args)
  const edgeFile = join(scratch.dir, 'edges.bin')
  if (withIgraph) {
    writeEdgeFile(large.graph, edgeFile)
    compareWithPrpack(large.graph, large.built, large.pageRankRuns, edgeFile)
  }
  sampledBetweenness(args)
  if (!args.skipLouvain) communities(large.graph, withIgraph && !args.skipIgraphLouvain ? edgeFile : null)
} finally {
  scratch.dispose()
}

function buildAndRank(args: BenchArgs) {
  const baselineRss = currentRssBytes()
  heading(`Large graph: ${args.nodes} nodes, ${args.edges} edges (Chung–Lu power law)`)
  const generated = timed(() => syntheticGraph({ nodes: args.nodes, edges: args.edges, seed: args.seed }))
  line('generate edge list (not part of the target)', wallCpu(generated))
  const built = timed(() => fromEdges(args.nodes, generated.value.src, generated.value.dst))
  const graph = built.value
  line('build CSR (fromEdges)', wallCpu(built))
  line('distinct edges', String(graph.edgeCount))

  const pageRankRuns = [timed(() => pageRankWithStats(graph))]
  const peakAfterPageRank = peakRssBytes()
  for (let r = 1; r < args.repeat; r++) pageRankRuns.push(timed(() => pageRankWithStats(graph)))
  for (const [r, run] of pageRankRuns.entries()) line(`PageRank run ${r + 1} (α 0.85, L1 change < 1e-6)`, wallCpu(run))
  // The same iteration on the main thread alone, in the same run: what the helper thread buys.
  const alone = timed(() => pageRankWithStats(graph, { threads: 0 }))
  line('PageRank on one thread (threads: 0)', wallCpu(alone))
  line('one thread ÷ default (median wall)', ratio(alone.seconds / median(pageRankRuns.map((run) => run.seconds))))
  const first = pageRankRuns[0]
  line('iterations / last L1 change', `${first.value.iterations} / ${first.value.change.toExponential(2)}`)
  line('build + PageRank (first run)', wallCpu({ seconds: built.seconds + first.seconds, cpuSeconds: built.cpuSeconds + first.cpuSeconds }))
  const graphBytes = csrBytes(graph)
  line('CSR arrays', `${mib(graphBytes)} = ${(graphBytes / graph.edgeCount).toFixed(1)} bytes/edge`)
  line('RSS before generating', mib(baselineRss))
  line('peak RSS after build + PageRank', `${mib(peakAfterPageRank)} = ${(peakAfterPageRank / graph.edgeCount).toFixed(1)} bytes/edge`)
  return { graph, built, pageRankRuns }
}

function compareWithPrpack(graph: Graph, built: Timed<Graph>, runs: Timed<PageRankResult>[], edgeFile: string) {
  heading('igraph PRPACK PageRank on the same graph')
  const theirs = igraphPageRank(graph.nodeCount, edgeFile, scratch.dir)
  line(`python-igraph ${theirs.igraphVersion}: load edge list (untimed)`, secs(theirs.loadSeconds))
  line('igraph pagerank (PRPACK)', wallCpu({ seconds: theirs.pagerankSeconds, cpuSeconds: theirs.pagerankCpuSeconds }))
  const agreement = compareRankings(runs[0].value.ranks, theirs.ranks, 10)
  line('top-10 nodes in common / same order', `${agreement.overlap}/10 / ${agreement.sameOrder ? 'yes' : 'no'}`)
  line('L1 distance between rank vectors', agreement.l1.toExponential(2))
  const medianWall = median(runs.map((run) => run.seconds))
  line('igraph PRPACK ÷ our PageRank (median wall)', ratio(theirs.pagerankSeconds / medianWall))
  line('igraph PRPACK ÷ our PageRank (cpu, first run)', ratio(theirs.pagerankCpuSeconds / runs[0].cpuSeconds))
  line('igraph PRPACK ÷ our build + PageRank (wall)', ratio(theirs.pagerankSeconds / (built.seconds + runs[0].seconds)))
}

function sampledBetweenness(args: BenchArgs) {
  heading(`Sampled betweenness: ${args.betweennessNodes} nodes, ${args.betweennessEdges} edges, ${args.samples} sources`)
  const { src, dst } = syntheticGraph({ nodes: args.betweennessNodes, edges: args.betweennessEdges, seed: args.seed + 1 })
  const graph = fromEdges(args.betweennessNodes, src, dst)
  const directed = timed(() => betweenness(graph, { samples: args.samples }))
  line('directed (as stored, the default)', wallCpu(directed))
  const undirected = timed(() => betweenness(graph, { samples: args.samples, directed: false }))
  line('undirected (symmetrised, view build included)', wallCpu(undirected))
  // The same on the main thread alone, in the same run: what the helper thread buys.
  const alone = timed(() => betweenness(graph, { samples: args.samples, threads: 0 }))
  line('directed on one thread (threads: 0)', wallCpu(alone))
  line('one thread ÷ default (wall)', ratio(alone.seconds / directed.seconds))
}

function communities(graph: Graph, igraphEdgeFile: string | null) {
  heading('Louvain on the large graph (symmetrised)')
  const view = timed(() => undirectedView(graph))
  line('symmetrise (undirected view)', wallCpu(view))
  const found = timed(() => louvain(graph))
  const total = { seconds: view.seconds + found.seconds, cpuSeconds: view.cpuSeconds + found.cpuSeconds }
  const count = found.value.reduce((max, c) => Math.max(max, c), -1) + 1
  line('louvain', wallCpu(found))
  line('symmetrise + louvain', wallCpu(total))
  line('communities / modularity', `${count} / ${modularity(graph, found.value).toFixed(4)}`)
  line('peak RSS so far', mib(peakRssBytes()))
  if (igraphEdgeFile === null) return
  const theirs = igraphLouvain(graph.nodeCount, igraphEdgeFile)
  line('igraph: load + symmetrise (untimed)', secs(theirs.loadSeconds))
  line('igraph community_multilevel', wallCpu({ seconds: theirs.louvainSeconds, cpuSeconds: theirs.louvainCpuSeconds }))
  line('igraph communities / modularity', `${theirs.communities} / ${theirs.modularity.toFixed(4)}`)
  line('igraph multilevel ÷ our symmetrise + louvain (wall)', ratio(theirs.louvainSeconds / total.seconds))
  line('igraph multilevel ÷ our symmetrise + louvain (cpu)', ratio(theirs.louvainCpuSeconds / total.cpuSeconds))
}

function csrBytes(g: Graph): number {
  const arrays = [g.outOffsets, g.outTargets, g.outWeights, g.inOffsets, g.inSources, g.inWeights]
  return arrays.reduce((sum, a) => sum + (a === null ? 0 : a.byteLength), 0)
}
