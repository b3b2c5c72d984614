/** See betweenness-kernel.js. */
export interface BrandesWorkspace {
  order: Int32Array
  state: Float64Array
  successors: Int32Array
  successorStart: Int32Array
}
export function createWorkspace(n: number, edgeCount: number): BrandesWorkspace
export function accumulateFromSources(sources: Int32Array, offsets: Int32Array, targets: Int32Array, centrality: Float64Array): void
export function accumulateFromSource(source: number, offsets: Int32Array, targets: Int32Array, work: BrandesWorkspace, centrality: Float64Array): void
