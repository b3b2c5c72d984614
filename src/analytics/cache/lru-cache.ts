/**
 * A bounded least-recently-used map. Values are promises, so concurrent requests for the same key
 * share one computation; a failed computation is forgotten so the next request retries it.
 */
export class PromiseLru<V> {
  private readonly entries = new Map<string, Promise<V>>()
  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size
  }

  run(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key)
    if (hit) {
      // Re-inserting moves the key to the young end of the map's insertion order.
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit
    }
    const pending = compute()
    this.entries.set(key, pending)
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key)
    })
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
    return pending
  }
}
