/** See pagerank-kernel.js. Shares are Float32 when the tolerance allows, else Float64. */
export function iterateRange(
  inOffsets: Int32Array,
  inSources: Int32Array,
  inWeights: Float64Array | null,
  share: Float32Array | Float64Array,
  nextShare: Float32Array | Float64Array,
  rank: Float64Array,
  inverseOutWeight: Float64Array,
  teleport: Float64Array,
  damping: number,
  spread: number,
  from: number,
  to: number,
  out: Float64Array,
  slot: number,
): void
