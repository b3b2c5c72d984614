/**
 * Pure graph algorithms on CSR typed arrays (no I/O). Directed graphs are stored as given;
 * undirected algorithms (Louvain, modularity, k-core, `betweenness({ directed: false })`) work
 * on the symmetrised graph: u–v linked if either edge exists, weight w(u→v) + w(v→u), no
 * self-loops.
 */
export { fromEdges } from './from-edges.ts'
export { pageRank, pageRankWithStats } from './pagerank.ts'
export type { PageRankOptions, PageRankResult } from './pagerank.ts'
export { betweenness } from './betweenness.ts'
export type { BetweennessOptions } from './betweenness.ts'
export { louvain } from './louvain.ts'
export type { LouvainOptions } from './louvain.ts'
export { modularity } from './modularity.ts'
export { kCore } from './k-core.ts'
export { undirectedView } from './undirected-view.ts'
export { createPrng, DEFAULT_SEED } from './prng.ts'
export type { Prng } from './prng.ts'
export { GraphInputError, ConvergenceError } from './errors.ts'
export type { Graph, UndirectedGraph, IndexArray, WeightArray } from './types.ts'
