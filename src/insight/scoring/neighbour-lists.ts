/**
 * Distinct neighbours per node in compressed rows (offsets + items), built in O(edges) with a
 * stamp array instead of a Set per node: at half a million accounts the Sets, and the garbage
 * collection they cost, weighed more than the graph algorithms themselves.
 */
export interface NeighbourLists {
  offsets: Int32Array
  items: Int32Array
}

/** For each `to[e]`, the distinct `from[e]` (a node is never its own neighbour unless `keepSelf`). */
export function distinctNeighbours(n: number, from: ArrayLike<number>, to: ArrayLike<number>, keepSelf = false): NeighbourLists {
  const count = new Int32Array(n + 1)
  for (let e = 0; e < to.length; e++) count[to[e] + 1]++
  for (let v = 0; v < n; v++) count[v + 1] += count[v]
  const grouped = new Int32Array(to.length)
  const fill = count.slice(0, n)
  for (let e = 0; e < to.length; e++) grouped[fill[to[e]]++] = from[e]
  // Dedupe each row in place, stamping each neighbour with the row it was last seen in.
  const stamp = new Int32Array(n).fill(-1)
  const offsets = new Int32Array(n + 1)
  let write = 0
  for (let v = 0; v < n; v++) {
    offsets[v] = write
    if (!keepSelf) stamp[v] = v
    for (let p = count[v], end = count[v + 1]; p < end; p++) {
      const u = grouped[p]
      if (stamp[u] === v) continue
      stamp[u] = v
      grouped[write++] = u
    }
  }
  offsets[n] = write
  return { offsets, items: grouped.slice(0, write) }
}

/** How many distinct neighbours each node has. */
export function sizes(lists: NeighbourLists): Int32Array {
  const n = lists.offsets.length - 1
  const size = new Int32Array(n)
  for (let v = 0; v < n; v++) size[v] = lists.offsets[v + 1] - lists.offsets[v]
  return size
}
