/**
 * A least-recently-used map bounded by its number of entries and, when values have a size, by
 * the sum of their sizes: the oldest entries are dropped until both bounds hold. A value larger
 * than the whole byte budget is not kept.
 */
export class Lru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>()
  private totalBytes = 0

  constructor(private readonly options: { maxEntries: number; maxBytes?: number; sizeOf?: (value: V) => number }) {}

  get size(): number {
    return this.entries.size
  }

  get bytes(): number {
    return this.totalBytes
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    // Re-inserting moves the key to the young end of the map's insertion order.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V): void {
    this.delete(key)
    const bytes = this.options.sizeOf?.(value) ?? 0
    if (this.options.maxBytes !== undefined && bytes > this.options.maxBytes) return
    this.entries.set(key, { value, bytes })
    this.totalBytes += bytes
    while (this.entries.size > this.options.maxEntries || (this.options.maxBytes !== undefined && this.totalBytes > this.options.maxBytes)) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.delete(oldest)
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.totalBytes -= entry.bytes
  }
}
