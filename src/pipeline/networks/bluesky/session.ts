// Password login on the user's PDS (an app password, never the account password), and the
// refresh dance: the PDS answers an expired access token with 400 `ExpiredToken` (the AppView
// with 401), after which `refreshSession` with the refresh token gives a new pair. A refresh
// token that is itself spent means logging in again.
import { z } from 'zod'
import { ConnectorError, isConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import type { LoginLimit, SessionStore } from '../session-store.ts'
import { sessionOutputSchema, type BlueskySessionTokens } from './schemas.ts'

/**
 * createSession is limited to 30 per 5 minutes and 300 per day per account on a PDS; the
 * bsky.social entryway is stricter (about 100 a day), so the day's limit is the entryway's.
 */
export const BLUESKY_LOGIN_LIMITS: readonly LoginLimit[] = [
  { count: 30, windowMs: 5 * 60_000, label: '30 per 5 minutes' },
  { count: 100, windowMs: 86_400_000, label: '100 per day' },
]

const storedSessionSchema = z.object({
  identifier: z.string(),
  tokens: z.object({ accessJwt: z.string(), refreshJwt: z.string(), did: z.string(), handle: z.string().optional() }),
})

const EXPIRED_CODES = new Set(['ExpiredToken', 'InvalidToken'])

export function isExpiredTokenError(err: unknown): boolean {
  if (!isConnectorError(err)) return false
  // 401 from an AppView reached through the PDS means the same thing; a retry costs one call.
  return err.kind === 'auth' || (err.code !== undefined && EXPIRED_CODES.has(err.code))
}

export interface BlueskyCredentials {
  identifier: string
  appPassword: string
}

export class BlueskySession {
  private tokens: BlueskySessionTokens | null = null
  private pending: Promise<BlueskySessionTokens> | null = null

  /** `http` talks to the PDS and must not add an Authorization header of its own. */
  constructor(
    private readonly http: HttpClient,
    private readonly credentials: BlueskyCredentials,
    /** Where the tokens outlive this object (the database); without it they live in memory only. */
    private readonly store?: SessionStore,
  ) {}

  /** Runs `call` with a valid access token; on an expired one, refreshes and retries once. */
  async run<T>(call: (authorization: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const first = await this.current(signal)
    try {
      return await call(`Bearer ${first.accessJwt}`)
    } catch (err) {
      if (!isExpiredTokenError(err)) throw err
      const renewed = await this.renew(first, signal)
      return call(`Bearer ${renewed.accessJwt}`)
    }
  }

  private current(signal?: AbortSignal): Promise<BlueskySessionTokens> {
    if (this.tokens !== null) return Promise.resolve(this.tokens)
    return this.once(async () => (await this.stored()) ?? this.login(signal))
  }

  /** Concurrent callers that all met the same expired token share one refresh. */
  private renew(expired: BlueskySessionTokens, signal?: AbortSignal): Promise<BlueskySessionTokens> {
    if (this.tokens !== null && this.tokens.accessJwt !== expired.accessJwt) return Promise.resolve(this.tokens)
    return this.once(() => this.refresh(expired, signal))
  }

  private once(start: () => Promise<BlueskySessionTokens>): Promise<BlueskySessionTokens> {
    this.pending ??= start()
      .then((tokens) => {
        this.tokens = tokens
        return tokens
      })
      .finally(() => {
        this.pending = null
      })
    return this.pending
  }

  /** The tokens another run, process or instance saved, when they are for this account. */
  private async stored(): Promise<BlueskySessionTokens | null> {
    if (!this.store) return null
    const parsed = storedSessionSchema.safeParse(await this.store.load())
    return parsed.success && parsed.data.identifier === this.credentials.identifier ? parsed.data.tokens : null
  }

  private async keep(tokens: BlueskySessionTokens): Promise<BlueskySessionTokens> {
    await this.store?.save({ identifier: this.credentials.identifier, tokens: { accessJwt: tokens.accessJwt, refreshJwt: tokens.refreshJwt, did: tokens.did, ...(tokens.handle !== undefined && { handle: tokens.handle }) } })
    return tokens
  }

  private async login(signal?: AbortSignal): Promise<BlueskySessionTokens> {
    await this.store?.beforeLogin(BLUESKY_LOGIN_LIMITS)
    try {
      const { body } = await this.http.postJson(
        '/xrpc/com.atproto.server.createSession',
        { identifier: this.credentials.identifier, password: this.credentials.appPassword },
        sessionOutputSchema,
        { signal },
      )
      return await this.keep(body)
    } catch (err) {
      if (isConnectorError(err) && (err.kind === 'auth' || err.kind === 'bad_request')) {
        throw new ConnectorError('bluesky', 'auth', `Bluesky login as ${this.credentials.identifier} was refused (${err.message}); check the identifier and app password`, {
          status: err.status,
          cause: err,
        })
      }
      throw err
    }
  }

  private async refresh(expired: BlueskySessionTokens, signal?: AbortSignal): Promise<BlueskySessionTokens> {
    this.tokens = null
    try {
      const { body } = await this.http.postJson('/xrpc/com.atproto.server.refreshSession', undefined, sessionOutputSchema, {
        signal,
        headers: { authorization: `Bearer ${expired.refreshJwt}` },
      })
      return await this.keep(body)
    } catch (err) {
      if (!isConnectorError(err) || (err.kind !== 'auth' && err.kind !== 'bad_request')) throw err
      // Refresh tokens are single-use: another process may have refreshed first and saved the new pair.
      const saved = await this.stored()
      if (saved !== null && saved.refreshJwt !== expired.refreshJwt) return saved
      return this.login(signal)
    }
  }
}
