// How surprising a term's recent count is, given its past (pure: no database).
//
// Expected count: the term's share of the baseline posts, applied to the recent posts, with a
// prior — as if every term had been used once more in the baseline (PRIOR_BASELINE_USES) and
// PRIOR_RECENT_USES times in the window by chance:
//   expected = (baselineUses + 1) × recentPosts / baselinePosts + 2
// Score: a Poisson z-score on the square-root scale (Anscombe), 2 × (√(recent + 3/8) − √(expected + 3/8)).
// It reads like standard deviations above the expected level, and unlike (recent − e) / √e it
// does not explode when little was expected: a word never seen in four windows of history needs 7 uses to score 2
// where the plain z-score would give 5 uses a score of 9 ("any word used five times tops the list").

export const PRIOR_BASELINE_USES = 1
export const PRIOR_RECENT_USES = 2

export function expectedUses(baselineUses: number, recentPosts: number, baselinePosts: number): number {
  return ((baselineUses + PRIOR_BASELINE_USES) * recentPosts) / baselinePosts + PRIOR_RECENT_USES
}

export function risingScore(recentUses: number, expected: number): number {
  return 2 * (Math.sqrt(recentUses + 3 / 8) - Math.sqrt(expected + 3 / 8))
}

/** The spelling shown: the lower-case form written most (accents included), capitalised only when people mostly capitalise it (names). */
export function shownForm(forms: ReadonlyMap<string, number>): string {
  const groups = new Map<string, { uses: number; best: string; bestUses: number }>()
  for (const [form, uses] of forms) {
    const lower = form.toLowerCase()
    const g = groups.get(lower) ?? { uses: 0, best: form, bestUses: 0 }
    g.uses += uses
    if (uses > g.bestUses || (uses === g.bestUses && form < g.best)) Object.assign(g, { best: form, bestUses: uses })
    groups.set(lower, g)
  }
  let shown: [string, { uses: number; best: string; bestUses: number }] | undefined
  for (const entry of groups) {
    // On a tie, the spelling with more accents: "vélo" rather than "velo".
    if (!shown || entry[1].uses > shown[1].uses || (entry[1].uses === shown[1].uses && marks(entry[0]) > marks(shown[0]))) shown = entry
  }
  if (!shown) return ''
  const [lower, g] = shown
  return g.best !== lower && g.bestUses * 3 >= g.uses * 2 ? g.best : lower
}

const marks = (s: string) => s.normalize('NFD').length - s.length
