// Empirical Bayes for the hours of the week (pure: no database).
//
// A slot's mean engagement per post is noisy when it holds few posts: "Sunday 23:00" can top the
// list on 5 lucky posts. Each slot's mean is pulled toward the mean of all posts, the more so the
// fewer posts it holds:
//   shrunk = (posts × slotMean + k × overallMean) / (posts + k),   k = σ²_within / τ²_between
// σ²_within is how much posts of one slot differ from each other, τ²_between how much the slots'
// true means differ from each other, both estimated from the data (method of moments). When the
// slots differ no more than chance would make them, τ² is 0 and every slot gets the overall mean.
// τ² is estimated on the slots holding at least MIN_POSTS_FOR_SPREAD posts (all slots when fewer
// than MIN_SLOTS_FOR_SPREAD do): a slot of two lucky posts would otherwise inflate τ² — and so
// weaken its own shrinkage — on its own.

export const MIN_POSTS_FOR_SPREAD = 5
const MIN_SLOTS_FOR_SPREAD = 10

export interface Cell { posts: number; engagement: number; squares: number }
export interface Shrinkage { overallMean: number; priorPosts: number | null; shrunk: (cell: Cell) => number | null }

export function shrinkCells(cells: readonly Cell[]): Shrinkage {
  const used = cells.filter((c) => c.posts > 0)
  const n = used.reduce((s, c) => s + c.posts, 0)
  if (n === 0) return { overallMean: 0, priorPosts: null, shrunk: () => null }
  const mean = used.reduce((s, c) => s + c.engagement, 0) / n
  const within = used.reduce((s, c) => s + Math.max(0, c.squares - c.engagement ** 2 / c.posts), 0) / Math.max(1, n - used.length)
  const full = used.filter((c) => c.posts >= MIN_POSTS_FOR_SPREAD)
  const tau2 = betweenVariance(full.length >= MIN_SLOTS_FOR_SPREAD ? full : used, within)
  if (tau2 === 0) return { overallMean: mean, priorPosts: null, shrunk: (c) => (c.posts > 0 ? mean : null) }
  const k = within / tau2
  return { overallMean: mean, priorPosts: k, shrunk: (c) => (c.posts > 0 ? (c.engagement + k * mean) / (c.posts + k) : null) }
}

/** τ²: the variance of the slots' true means, by the method of moments (never below 0). */
function betweenVariance(cells: readonly Cell[], within: number): number {
  const n = cells.reduce((s, c) => s + c.posts, 0)
  if (n === 0) return 0
  const mean = cells.reduce((s, c) => s + c.engagement, 0) / n
  const between = cells.reduce((s, c) => s + c.posts * (c.engagement / c.posts - mean) ** 2, 0)
  const spread = n - cells.reduce((s, c) => s + c.posts ** 2, 0) / n
  return spread > 0 ? Math.max(0, (between - (cells.length - 1) * within) / spread) : 0
}
