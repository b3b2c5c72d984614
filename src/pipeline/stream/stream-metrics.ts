// What the live readers did, for the command's summary, tests and /metrics: events stored,
// reconnects, gaps, frames waiting in each reader's queue, and how far behind the last stored
// event is.

export interface StreamCounts {
  events: number
  batches: number
  reconnects: number
  gaps: number
  /** Per source, time_us of the last stored event. */
  cursors: Map<string, number>
}

export interface StreamMetrics {
  batchStored(sourceId: string, events: number, cursorUs: number): void
  reconnected(sourceId: string): void
  gapRecorded(sourceId: string): void
  /** Frames received and not yet stored by the source's reader. */
  queued(sourceId: string, frames: number): void
  /** The source is no longer read here (turned off, deleted, lease gone): its gauges go. */
  released(sourceId: string): void
  counts(): StreamCounts
}

export function createStreamMetrics(): StreamMetrics {
  const counts: StreamCounts = { events: 0, batches: 0, reconnects: 0, gaps: 0, cursors: new Map() }
  return {
    batchStored(sourceId, events, cursorUs) {
      counts.events += events
      counts.batches++
      counts.cursors.set(sourceId, Math.max(counts.cursors.get(sourceId) ?? 0, cursorUs))
    },
    reconnected: () => { counts.reconnects++ },
    gapRecorded: () => { counts.gaps++ },
    queued: () => {},
    released: (sourceId) => { counts.cursors.delete(sourceId) },
    counts: () => ({ ...counts, cursors: new Map(counts.cursors) }),
  }
}
