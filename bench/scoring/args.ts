import { parseArgs } from 'node:util'
import { exitWithHelpIf, positiveInteger } from '../shared/args.ts'

export interface BenchArgs {
  nodes: number
  edges: number
  seed: number
  repeat: number
  betweennessNodes: number
  betweennessEdges: number
  samples: number
  skipIgraph: boolean
  skipIgraphLouvain: boolean
  skipLouvain: boolean
}

const HELP = `usage: node --import tsx bench/scoring/run.ts [options]
  --nodes N                nodes of the large graph (default 1000000)
  --edges M                edges of the large graph (default 10000000)
  --seed S                 generator seed (default 42)
  --repeat R               PageRank runs to time (default 3; memory is taken after the first)
  --betweenness-nodes N    nodes of the betweenness graph (default 100000)
  --betweenness-edges M    edges of the betweenness graph (default 1000000)
  --samples K              betweenness source samples (default 256)
  --skip-igraph            no python-igraph comparison at all
  --skip-igraph-louvain    no igraph community_multilevel (it takes over a minute)
  --skip-louvain           no Louvain at all`

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      nodes: { type: 'string', default: '1000000' },
      edges: { type: 'string', default: '10000000' },
      seed: { type: 'string', default: '42' },
      repeat: { type: 'string', default: '3' },
      'betweenness-nodes': { type: 'string', default: '100000' },
      'betweenness-edges': { type: 'string', default: '1000000' },
      samples: { type: 'string', default: '256' },
      'skip-igraph': { type: 'boolean', default: false },
      'skip-igraph-louvain': { type: 'boolean', default: false },
      'skip-louvain': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  exitWithHelpIf(values.help, HELP)
  return {
    nodes: positiveInteger('nodes', values.nodes),
    edges: positiveInteger('edges', values.edges),
    seed: positiveInteger('seed', values.seed),
    repeat: positiveInteger('repeat', values.repeat),
    betweennessNodes: positiveInteger('betweenness-nodes', values['betweenness-nodes']),
    betweennessEdges: positiveInteger('betweenness-edges', values['betweenness-edges']),
    samples: positiveInteger('samples', values.samples),
    skipIgraph: values['skip-igraph'],
    skipIgraphLouvain: values['skip-igraph-louvain'],
    skipLouvain: values['skip-louvain'],
  }
}
