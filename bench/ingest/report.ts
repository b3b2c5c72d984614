// How the bench prints its figures: one line per run, the spread of repeated runs, and where the
// time of a run went (per statement, and the CPU of both sides of the connection).
import { median } from '../shared/measure.ts'
import { rate, type RunFigures } from './measure.ts'

const count = (value: number): string => Math.round(value).toLocaleString('en')
const micros = (seconds: number, posts: number): string => ((seconds / posts) * 1e6).toFixed(1)

/**
 * Posts per CPU-second of this process and the server process together: what the run would do
 * with one core to itself and no waiting. Steadier than wall time on a shared machine.
 */
export const cpuRate = (figures: RunFigures): number => figures.posts / (figures.nodeCpuSeconds + figures.backendCpuSeconds)

export function describeRun(figures: RunFigures): string {
  const inStatements = [...figures.statements.values()].reduce((sum, entry) => sum + entry.ms, 0) / 1000
  return (
    `${count(rate(figures)).padStart(7)} posts/s  wall ${figures.wallSeconds.toFixed(2)} s | µs/post: wall ${micros(figures.wallSeconds, figures.posts)},` +
    ` node CPU ${micros(figures.nodeCpuSeconds, figures.posts)}, server CPU ${micros(figures.backendCpuSeconds, figures.posts)},` +
    ` in statements ${micros(inStatements, figures.posts)}`
  )
}

/** "12,345 posts/s (min 11,900 – max 12,800, n=3) | CPU-bound 9,000 posts/s" */
export function spread(runs: readonly RunFigures[]): string {
  const rates = runs.map(rate)
  return (
    `${count(median(rates)).padStart(7)} posts/s (min ${count(Math.min(...rates))} – max ${count(Math.max(...rates))}, n=${rates.length})` +
    ` | ${count(median(runs.map(cpuRate))).padStart(7)} posts per CPU-second`
  )
}

/** Statements by the wall time spent in them, with the server's CPU time meanwhile. */
export function describeStatements(figures: RunFigures): string[] {
  return [...figures.statements.entries()]
    .sort(([, a], [, b]) => b.ms - a.ms)
    .map(
      ([label, { count: n, ms, serverCpuMs }]) =>
        `    ${label.padEnd(30)} ${String(n).padStart(4)} × ${(ms / n).toFixed(2).padStart(7)} ms = ${(ms / 1000).toFixed(2).padStart(6)} s` +
        ` (${micros(ms / 1000, figures.posts).padStart(5)} µs/post of wall; server CPU ${micros(serverCpuMs / 1000, figures.posts).padStart(5)} µs/post)`,
    )
}

/** The median run of the fastest batch size, taken apart. */
export function describeTimeSpent(label: string, runs: readonly RunFigures[], standalone: { enrichMicros: number; matchMicros: number }): string[] {
  const typical = [...runs].sort((a, b) => rate(a) - rate(b))[Math.floor(runs.length / 2)]
  const inStatements = [...typical.statements.values()].reduce((sum, e) => sum + e.ms, 0) / 1000
  const nodeMicros = (typical.nodeCpuSeconds / typical.posts) * 1e6
  return [
    `where the time goes (${label}, median run): ${describeRun(typical)}`,
    ...describeStatements(typical),
    `    wall outside any statement: ${micros(typical.wallSeconds - inStatements, typical.posts)} µs/post ` +
      `(the next batch is enriched and matched while this one's statements are in flight, so that time shows inside them)`,
    `    node CPU ${nodeMicros.toFixed(1)} µs/post: enrich ≈ ${standalone.enrichMicros.toFixed(1)}, prepare + match ≈ ${standalone.matchMicros.toFixed(1)} ` +
      `(measured alone), the rest ≈ ${(nodeMicros - standalone.enrichMicros - standalone.matchMicros).toFixed(1)} (parameters, JSON, driver, garbage collection)`,
    `    server CPU ${micros(typical.backendCpuSeconds, typical.posts)} µs/post`,
  ]
}
