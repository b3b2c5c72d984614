// The bounded queue between a live connection and the database, shared by every network's reader:
// items wait until a batch is full or old enough, one batch is written at a time, and reading
// pauses while the waiting items weigh more than the high-water mark (resuming below half of it),
// so a slow database slows the reader instead of filling memory.
import type { StreamOptions } from './stream-options.ts'

/** What the queue pauses: the socket. */
export interface Pausable {
  pause(): void
  resume(): void
}

/** The connection the queue serves: whether it has ended, and what to do when a write settles after that or fails. */
export interface QueueOwner {
  ended(): boolean
  /** A write finished after the connection ended: the connection may finish now. */
  settled(): void
  failed(error: unknown): void
}

export class BatchQueue<T> {
  private readonly items: { item: T; bytes: number }[] = []
  private bytes = 0
  private paused = false
  private inFlight: Promise<void> | null = null
  private lastFlush = Date.now()
  /** While held, nothing is written (events wait while a catch-up runs). */
  held = false

  constructor(
    private readonly options: Pick<StreamOptions, 'batchSize' | 'flushMs' | 'highWaterBytes'>,
    private readonly source: Pausable,
    private readonly write: (items: T[]) => Promise<void>,
    private readonly owner: QueueOwner,
    /** Hears how many items wait after each change (the queue-depth metric). */
    private readonly observe: (items: number) => void = () => {},
  ) {}

  get length(): number { return this.items.length }
  /** A batch is being written. */
  get writing(): boolean { return this.inFlight !== null }
  /** Reading is paused above the high-water mark (an idle check must not count that as silence). */
  get isPaused(): boolean { return this.paused }

  push(item: T, bytes: number): void {
    this.items.push({ item, bytes })
    this.bytes += bytes
    this.observe(this.items.length)
    if (this.bytes >= this.options.highWaterBytes && !this.paused) {
      this.paused = true
      this.source.pause()
    }
    if (this.items.length >= this.options.batchSize) this.pump()
  }

  /** Drops what waits (not stored: read again from the cursor or checkpoint). */
  clear(): void {
    this.items.length = 0
    this.bytes = 0
  }

  /** Writes the next batch when it is full or old enough (`force`: whatever waits). */
  pump(force = false): void {
    if (this.inFlight !== null || this.held || this.items.length === 0) return
    if (!force && this.items.length < this.options.batchSize && Date.now() - this.lastFlush < this.options.flushMs) return
    const taken = this.items.splice(0, this.options.batchSize)
    for (const { bytes } of taken) this.bytes -= bytes
    this.observe(this.items.length)
    this.inFlight = this.write(taken.map(({ item }) => item)).then(
      () => {
        this.inFlight = null
        this.lastFlush = Date.now()
        if (this.paused && this.bytes < this.options.highWaterBytes / 2 && !this.owner.ended()) {
          this.paused = false
          this.source.resume()
        }
        if (this.owner.ended()) this.owner.settled()
        else this.pump()
      },
      (error: unknown) => {
        this.inFlight = null
        this.owner.failed(error)
      },
    )
  }
}
