// Password login on the user's PDS (an app password, never the account password), and the
// refresh dance: the PDS answers an expired access token with 400 `ExpiredToken` (the AppView
// with 401), after which `refreshSession` with the refresh token gives a new pair. A refresh
// token that is itself spent means logging in again.
import { ConnectorError, isConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import { sessionOutputSchema, type BlueskySessionTokens } from './schemas.ts'

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
    return this.once(() => this.login(signal))
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

  private async login(signal?: AbortSignal): Promise<BlueskySessionTokens> {
    try {
      const { body } = await this.http.postJson(
        '/xrpc/com.atproto.server.createSession',
        { identifier: this.credentials.identifier, password: this.credentials.appPassword },
        sessionOutputSchema,
        { signal },
      )
      return body
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
      return body
    } catch (err) {
      if (!isConnectorError(err) || (err.kind !== 'auth' && err.kind !== 'bad_request')) throw err
      return this.login(signal)
    }
  }
}
