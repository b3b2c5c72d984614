// What the live readers did, for the command's progress and summary, tests and /metrics: events
// stored, reconnects, gaps, frames waiting in each reader's queue, and how far behind the last
// stored event is — in total and per source.

export interface SourceFigures {
  events: number
  reconnects: number
  gaps: number
  /** Frames received and not yet stored. */
  queue: number
  /** time_us of the last stored event; null: none stored by this process yet. */
  cursorUs: number | null
}

export interface StreamCounts {
  events: number
  batches: number
  reconnects: number
  gaps: number
  /** Per source, time_us of the last stored event. */
  cursors: Map<string, number>
  /** Per source read by this process. */
  sources: Map<string, SourceFigures>
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
  const counts: StreamCounts = { events: 0, batches: 0, reconnects: 0, gaps: 0, cursors: new Map(), sources: new Map() }
  const source = (sourceId: string): SourceFigures => {
    let figures = counts.sources.get(sourceId)
    if (figures === undefined) counts.sources.set(sourceId, (figures = { events: 0, reconnects: 0, gaps: 0, queue: 0, cursorUs: null }))
    return figures
  }
  return {
    batchStored(sourceId, events, cursorUs) {
      counts.events += events
      counts.batches++
      counts.cursors.set(sourceId, Math.max(counts.cursors.get(sourceId) ?? 0, cursorUs))
      const figures = source(sourceId)
      figures.events += events
      figures.cursorUs = Math.max(figures.cursorUs ?? 0, cursorUs)
    },
    reconnected: (sourceId) => {
      counts.reconnects++
      source(sourceId).reconnects++
    },
    gapRecorded: (sourceId) => {
      counts.gaps++
      source(sourceId).gaps++
    },
    queued: (sourceId, frames) => { source(sourceId).queue = frames },
    released: (sourceId) => {
      counts.cursors.delete(sourceId)
      counts.sources.delete(sourceId)
    },
    counts: () => ({ ...counts, cursors: new Map(counts.cursors), sources: new Map([...counts.sources].map(([id, figures]) => [id, { ...figures }])) }),
  }
}
