// The stream reader's limits and timings; tests shorten the timings.

export interface StreamOptions {
  /** Events stored per transaction at most. */
  batchSize: number
  /** A batch smaller than `batchSize` is stored once it is this old. */
  flushMs: number
  /** Reading stops while this many bytes of frames wait, and resumes below half of it. */
  highWaterBytes: number
  /** The largest frame accepted; a larger one closes the connection. */
  maxFrameBytes: number
  /** On reconnect, read again from this long before the stored cursor (writes are idempotent). */
  rewindUs: number
  /** A first event this far after the stored cursor means events were lost: a gap is recorded. */
  gapUs: number
  /** No frame for this long: the connection is taken for dead and opened again. */
  idleMs: number
  /** Wait before reconnecting, doubled per failure up to `reconnectMaxMs`. */
  reconnectMs: number
  reconnectMaxMs: number
  /** How long the source's lease lasts unless renewed (renewed at a third of it). */
  leaseMs: number
  /** How often a source's topics are read again. */
  topicsRefreshMs: number
}

export const DEFAULT_STREAM_OPTIONS: Readonly<StreamOptions> = Object.freeze({
  batchSize: 500,
  flushMs: 500,
  highWaterBytes: 16 * 2 ** 20,
  maxFrameBytes: 256 * 2 ** 10,
  rewindUs: 3_000_000,
  gapUs: 60_000_000,
  idleMs: 60_000,
  reconnectMs: 1_000,
  reconnectMaxMs: 60_000,
  leaseMs: 30_000,
  topicsRefreshMs: 30_000,
})

/** Where the stream says what it does (a pino logger fits). */
export interface StreamLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}
