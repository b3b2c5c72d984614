import t from 'tap'
import { detectSpikes, type HourCounts } from '../../src/insight/alerts/detect-spikes.ts'

const settings = { k: 3, minVolume: 10, cooldownHours: 6, baselineHours: 24 }
const flat = (n: number, volume: number, negative = 0): HourCounts[] => Array.from({ length: n }, () => ({ volume, rated: volume, negative }))

t.test('a volume spike is an hour above mean + k·σ of its baseline (values worked by hand)', async (t) => {
  // Baseline: 12 hours of 10 and 12 of 20 → mean 15, σ 5 → threshold 30.
  const baseline = [...flat(12, 10), ...flat(12, 20)]
  t.same(detectSpikes([...baseline, { volume: 30, rated: 30, negative: 0 }], 24, settings), [], '30 is not above 30')
  const [spike] = detectSpikes([...baseline, { volume: 31, rated: 31, negative: 0 }], 24, settings)
  t.match(spike, { hour: 24, kind: 'volume', volume: 31, mean: 15, stddev: 5, threshold: 30 })
})

t.test('a negative-share spike: above the pooled share + k × its binomial standard error', async (t) => {
  // Baseline: 24 hours of 20 posts, 2 negative → p̄ = (48 + 1) / (480 + 2) = 0.10166; at n = 20,
  // σ = √(p̄(1 − p̄)/20) = 0.06757, threshold = 0.30438: 6 negative of 20 (0.30) is not a spike, 7 (0.35) is.
  const baseline = flat(24, 20, 2)
  t.same(detectSpikes([...baseline, { volume: 20, rated: 20, negative: 6 }], 24, settings), [])
  const [spike] = detectSpikes([...baseline, { volume: 20, rated: 20, negative: 7 }], 24, settings)
  t.equal(spike.kind, 'negative')
  t.equal(Number(spike.mean.toFixed(5)), 0.10166)
  t.equal(Number(spike.stddev.toFixed(5)), 0.06757)
  t.equal(Number(spike.threshold.toFixed(5)), 0.30438)
  t.equal(spike.observed, 0.35)
})

t.test('quiet hours never alert, however unusual', async (t) => {
  t.same(detectSpikes([...flat(24, 0), { volume: 9, rated: 9, negative: 9 }], 24, settings), [], '9 posts, all negative, after silence: below the minimum volume')
})

t.test('the cooldown keeps one alert per kind while a spike lasts, and lets the next one through', async (t) => {
  // The second burst is larger: the first one is part of its baseline (mean 15, σ 11.2 → threshold 48.5).
  const series = [...flat(24, 10, 1), ...flat(4, 40, 30), ...flat(10, 10, 1), ...flat(1, 60, 45)]
  const spikes = detectSpikes(series, 24, { ...settings, baselineHours: 24 })
  t.same(spikes.map((s) => [s.hour, s.kind]), [[24, 'volume'], [24, 'negative'], [38, 'volume'], [38, 'negative']])
  t.same(detectSpikes(series, 24, { ...settings, cooldownHours: 0 }).filter((s) => s.kind === 'negative').map((s) => s.hour), [24, 25, 26, 27, 38], 'without a cooldown every hour alerts')
  t.same(detectSpikes(series, 30, settings, { volume: [26], negative: [26] }).map((s) => s.hour), [38, 38], 'alerts already stored count for the cooldown')
})

t.test('hours before collection began are unknown, not silence; an alert carries its sample sizes', async (t) => {
  // Collection began at hour 100: 12 mentions an hour since, nothing known before.
  const series = [...flat(100, 0), ...flat(30, 12, 1)]
  const naive = detectSpikes(series, 100, { ...settings, baselineHours: 168 })
  t.ok(naive.some((s) => s.kind === 'volume' && s.hour === 100), 'counting the unknown hours as zeros, the first collected hour looks like a spike')
  t.same(detectSpikes(series, 100, { ...settings, baselineHours: 168 }, {}, 100), [], 'from the coverage start: a steady 12 an hour is no spike, and the first 24 hours have too short a baseline to judge')
  const burst = [...series, { volume: 40, rated: 40, negative: 30 }]
  const spikes = detectSpikes(burst, 130, { ...settings, baselineHours: 168 }, {}, 100)
  t.same(spikes.map((s) => s.kind), ['volume', 'negative'])
  t.match(spikes[0], { baselineHours: 30, baselineMentions: 360, rated: 40, baselineRated: 360 })
  const thin = detectSpikes([...flat(24, 1, 0), { volume: 12, rated: 12, negative: 12 }], 24, settings)
  t.same(thin.map((s) => s.kind), ['volume'], 'a baseline of 24 rated posts is too few to judge a negative share (30 needed)')
})
