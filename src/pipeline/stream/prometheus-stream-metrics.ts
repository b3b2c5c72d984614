// The live readers' figures as Prometheus metrics, per source, beside the counts the command
// prints: events stored (a counter: events/s is its rate), lag (now − time of the last committed
// event, computed at each scrape), frames waiting in the reader's queue, reconnections and gaps.
// Labelled by source id only: at most the worker's 1,000 streaming sources.
import { Counter, Gauge, type Registry } from 'prom-client'
import { createStreamMetrics, type StreamMetrics } from './stream-metrics.ts'

export function createPrometheusStreamMetrics(registry: Registry, now: () => number = Date.now): StreamMetrics {
  const base = createStreamMetrics()
  const registers = [registry]
  const labelNames = ['source_id'] as const
  const cursors = new Map<string, number>()
  const events = new Counter({ name: 'relais_stream_events_total', help: 'Stream events stored, per source (events/s: its rate)', labelNames, registers })
  const reconnects = new Counter({ name: 'relais_stream_reconnects_total', help: 'Connections to a stream opened again after a drop, a failure or an idle period', labelNames, registers })
  const gaps = new Counter({ name: 'relais_stream_gaps_total', help: 'Spans of a stream the instance no longer kept, recorded for backfill', labelNames, registers })
  const queue = new Gauge({ name: 'relais_stream_queue_frames', help: 'Frames received from a stream and not yet stored', labelNames, registers })
  new Gauge({
    name: 'relais_stream_lag_seconds',
    help: 'Now minus the time of the last event stored, per source',
    labelNames,
    registers,
    collect() {
      this.reset()
      for (const [sourceId, cursorUs] of cursors) this.set({ source_id: sourceId }, Math.max(0, (now() * 1000 - cursorUs) / 1e6))
    },
  })
  return {
    batchStored(sourceId, count, cursorUs) {
      base.batchStored(sourceId, count, cursorUs)
      events.inc({ source_id: sourceId }, count)
      cursors.set(sourceId, Math.max(cursors.get(sourceId) ?? 0, cursorUs))
    },
    reconnected(sourceId) {
      base.reconnected(sourceId)
      reconnects.inc({ source_id: sourceId })
    },
    gapRecorded(sourceId) {
      base.gapRecorded(sourceId)
      gaps.inc({ source_id: sourceId })
    },
    queued(sourceId, frames) {
      base.queued(sourceId, frames)
      queue.set({ source_id: sourceId }, frames)
    },
    released(sourceId) {
      base.released(sourceId)
      // Another process may read it now: its lag and queue are that process's to report.
      cursors.delete(sourceId)
      queue.remove({ source_id: sourceId })
    },
    counts: () => base.counts(),
  }
}
