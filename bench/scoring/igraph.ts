import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { Graph } from '../../src/graph/index.ts'

/** Debian's interpreter, where `apt-get install python3-igraph` puts the module. */
const PYTHON = '/usr/bin/python3'
const HERE = dirname(fileURLToPath(import.meta.url))

export function igraphAvailable(): boolean {
  const probe = spawnSync(PYTHON, ['-c', 'import igraph, numpy'], { stdio: 'ignore' })
  return probe.status === 0
}

/** A scratch folder holding the edge list handed to python, removed by `dispose`. */
export function createScratch(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-'))
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Writes the distinct directed edges of `g` as int32 (source, target) pairs. */
export function writeEdgeFile(g: Graph, path: string): void {
  const pairs = new Int32Array(g.edgeCount * 2)
  let e = 0
  for (let u = 0; u < g.nodeCount; u++) {
    for (let p = g.outOffsets[u]; p < g.outOffsets[u + 1]; p++) {
      pairs[e++] = u
      pairs[e++] = g.outTargets[p]
    }
  }
  writeFileSync(path, pairs)
}

const pageRankReport = z.object({ igraphVersion: z.string(), loadSeconds: z.number(), pagerankSeconds: z.number(), pagerankCpuSeconds: z.number() })
const louvainReport = z.object({
  igraphVersion: z.string(),
  loadSeconds: z.number(),
  louvainSeconds: z.number(),
  louvainCpuSeconds: z.number(),
  communities: z.number(),
  modularity: z.number(),
})

function runScript(script: string, args: string[]): unknown {
  const result = spawnSync(PYTHON, [join(HERE, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`)
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(lastLine)
}

export function igraphPageRank(nodes: number, edgeFile: string, scratchDir: string) {
  const ranksFile = join(scratchDir, 'ranks.bin')
  const report = pageRankReport.parse(runScript('igraph_pagerank.py', [String(nodes), edgeFile, ranksFile]))
  const bytes = readFileSync(ranksFile)
  const ranks = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8)
  return { ...report, ranks }
}

export function igraphLouvain(nodes: number, edgeFile: string) {
  return louvainReport.parse(runScript('igraph_louvain.py', [String(nodes), edgeFile]))
}

