// Small figures shared by the analyses.

/** Relative change in percent; null when there is nothing to compare with. */
export function percentChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null
  return round(((current - previous) / Math.abs(previous)) * 100, 1)
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
