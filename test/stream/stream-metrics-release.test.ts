// A source this process no longer reads (turned off, deleted, its lease taken by another process)
// leaves the lag and queue gauges: otherwise its lag would grow here for ever while another process
// reports the same source, and an alert on lag would fire for nothing.
import t from 'tap'
import { Registry } from 'prom-client'
import { parsePrometheusText } from '../helpers/prometheus-text.ts'
import { createPrometheusStreamMetrics } from '../../src/pipeline/stream/prometheus-stream-metrics.ts'

t.test('a released source leaves the lag and queue gauges; the others stay', async (t) => {
  const registry = new Registry()
  const nowMs = 1_800_000_000_000
  const metrics = createPrometheusStreamMetrics(registry, () => nowMs)
  metrics.batchStored('source-a', 10, (nowMs - 4_000) * 1000)
  metrics.batchStored('source-b', 5, (nowMs - 2_000) * 1000)
  metrics.queued('source-a', 3)
  metrics.queued('source-b', 1)
  const gauges = async () => parsePrometheusText(await registry.metrics()).samples
    .filter((s) => s.name === 'relais_stream_lag_seconds' || s.name === 'relais_stream_queue_frames')
    .map((s) => `${s.name} ${s.labels.source_id} ${s.value}`).sort()
  t.same(await gauges(), [
    'relais_stream_lag_seconds source-a 4',
    'relais_stream_lag_seconds source-b 2',
    'relais_stream_queue_frames source-a 3',
    'relais_stream_queue_frames source-b 1',
  ], 'both sources reported while read here')

  metrics.released('source-a')
  t.same(await gauges(), ['relais_stream_lag_seconds source-b 2', 'relais_stream_queue_frames source-b 1'], 'the released source is no longer reported')
  t.equal(metrics.counts().cursors.has('source-a'), false, 'nor counted')
})
