// What `relais stream` prints now and then: per source read by this process, the events stored per
// second since the last report, how far behind the stream is (now − time of the last committed
// event), frames waiting, reconnections and gaps.
import type { SourceFigures, StreamCounts } from './stream-metrics.ts'

/** "4.2 s", "12 min 5 s", "3 h 12 min". */
export function formatLag(seconds: number): string {
  const s = Math.max(0, seconds)
  if (s < 60) return `${s.toFixed(1)} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.floor(s % 60)} s`
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function sourceLine(sourceId: string, figures: SourceFigures, before: SourceFigures | undefined, elapsedMs: number, nowMs: number): string {
  const rate = elapsedMs > 0 ? ((figures.events - (before?.events ?? 0)) * 1000) / elapsedMs : 0
  const lag = figures.cursorUs === null ? 'no event stored yet' : `lag ${formatLag(nowMs / 1000 - figures.cursorUs / 1e6)}`
  return `source ${sourceId}: ${rate.toFixed(1)} events/s (${figures.events} stored), ${lag}, queue ${figures.queue}, ${plural(figures.reconnects, 'reconnect')}, ${plural(figures.gaps, 'gap')}`
}

/**
 * One line per source in `reading`, from the counts now and at the previous report (`elapsedMs`
 * ago; null: since the start).
 */
export function progressLines(reading: readonly string[], now: StreamCounts, previous: StreamCounts | null, elapsedMs: number, nowMs: number): string[] {
  if (reading.length === 0) return ['no streaming source is read by this process (none is on, or another process holds them)']
  const empty: SourceFigures = { events: 0, reconnects: 0, gaps: 0, queue: 0, cursorUs: null }
  return [...reading].sort().map((id) => sourceLine(id, now.sources.get(id) ?? empty, previous?.sources.get(id), elapsedMs, nowMs))
}
