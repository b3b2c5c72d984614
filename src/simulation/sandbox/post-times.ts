// When posts happen: each account posts at its own rate, following a daily rhythm in its local
// time, plus the planted spike window. Output is sorted by time, one post per millisecond.
import { COMMUNITIES, HOURLY_ACTIVITY, SPIKE_TOPIC, WEEKDAY_ACTIVITY } from './content/catalog.ts'
import { Rng } from './rng.ts'
import type { SandboxAccount } from './types.ts'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const AUTHOR_BITS = 2 ** 21 // author index * 2 + spike flag
export const MAX_ACCOUNTS = 2 ** 20 - 1

export interface PostTimes {
  createdAt: Float64Array
  author: Int32Array
  spike: Uint8Array
  spikeStart: number
  spikeEnd: number
}

export interface TimeSpan {
  startMs: number
  endMs: number
}

const MAX_RHYTHM = Math.max(...HOURLY_ACTIVITY) * Math.max(...WEEKDAY_ACTIVITY)

function rhythm(epochMs: number, utcOffset: number): number {
  const local = new Date(epochMs + utcOffset * HOUR_MS)
  return HOURLY_ACTIVITY[local.getUTCHours()] * WEEKDAY_ACTIVITY[local.getUTCDay()]
}

/** A second in the span, accepted in proportion to the author's local activity curve. */
function drawSecond(rng: Rng, span: TimeSpan, utcOffset: number): number {
  const seconds = Math.floor((span.endMs - span.startMs) / 1000)
  for (;;) {
    const second = rng.int(seconds)
    if (rng.next() * MAX_RHYTHM < rhythm(span.startMs + second * 1000, utcOffset)) return second
  }
}

/** The spike: the daytime of the third-to-last day, when the topic's community is awake. */
export function spikeWindow(span: TimeSpan, nowMs: number): { start: number; end: number } {
  const dayStart = Math.floor((nowMs - 3 * DAY_MS) / DAY_MS) * DAY_MS
  const start = Math.max(span.startMs, dayStart + 6 * HOUR_MS)
  return { start, end: Math.min(nowMs, start + 14 * HOUR_MS) }
}

export function generatePostTimes(seedHash: number, accounts: SandboxAccount[], span: TimeSpan, nowMs: number): PostTimes {
  if (accounts.length > MAX_ACCOUNTS) throw new RangeError(`at most ${MAX_ACCOUNTS} accounts`)
  const rng = new Rng(seedHash ^ 0x71e5)
  const spanDays = (span.endMs - span.startMs) / DAY_MS
  const keys: number[] = []
  for (const account of accounts) {
    const count = rng.poisson(account.activity * spanDays)
    for (let k = 0; k < count; k++) keys.push(drawSecond(rng, span, account.utcOffset) * AUTHOR_BITS + account.index * 2)
  }
  // The planted spike roughly doubles the topic's volume that day, all of it negative.
  const spikeCommunity = COMMUNITIES.findIndex((c) => c.topic === SPIKE_TOPIC)
  const spikeAuthors = accounts.filter((a) => a.community === spikeCommunity && !a.bot)
  const window = spikeWindow(span, nowMs)
  const dailyVolume = spikeAuthors.reduce((sum, a) => sum + a.activity, 0) * 0.55
  const spikeCount = spikeAuthors.length === 0 ? 0 : Math.max(20, Math.round(dailyVolume))
  const windowSeconds = Math.floor((window.end - window.start) / 1000)
  for (let k = 0; k < spikeCount; k++) {
    const author = spikeAuthors[rng.int(spikeAuthors.length)]
    // Triangular around the middle of the window: outrage builds up, peaks and fades.
    const second = Math.floor(((rng.next() + rng.next()) / 2) * windowSeconds) + Math.floor((window.start - span.startMs) / 1000)
    keys.push(second * AUTHOR_BITS + author.index * 2 + 1)
  }
  const sorted = Float64Array.from(keys).sort()
  const createdAt = new Float64Array(sorted.length)
  const author = new Int32Array(sorted.length)
  const spike = new Uint8Array(sorted.length)
  let previous = -Infinity
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i]
    const second = Math.floor(key / AUTHOR_BITS)
    const low = key - second * AUTHOR_BITS
    author[i] = Math.floor(low / 2)
    spike[i] = low % 2
    const ms = Math.max(span.startMs + second * 1000 + rng.int(1000), previous + 1)
    createdAt[i] = ms
    previous = ms
  }
  return { createdAt, author, spike, spikeStart: window.start, spikeEnd: window.end }
}
