// Where a connector keeps its network session (tokens) between runs, processes and instances,
// and how it asks before a new login. The collection layer backs it with the database (sealed);
// without one, a connector keeps its session in memory for its own life only.

/** A network's documented limit on logins: at most `count` per `windowMs` per account. */
export interface LoginLimit {
  count: number
  windowMs: number
  /** For the message when the limit is reached: "30 per 5 minutes". */
  label: string
}

export interface SessionStore {
  /** The session saved last for this source (as the connector saved it), or null. */
  load(): Promise<unknown>
  save(session: unknown): Promise<void>
  /**
   * Called before every new login (not before a refresh): records it, or throws a
   * `rate_limited` ConnectorError when one more login would pass one of `limits`.
   */
  beforeLogin(limits: readonly LoginLimit[]): Promise<void>
}
