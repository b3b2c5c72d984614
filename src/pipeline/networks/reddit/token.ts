import { z } from 'zod'
import { ConnectorError } from '../errors.ts'
import type { SessionStore } from '../session-store.ts'
import type { HttpClient } from '../http.ts'
import { tokenResponseSchema } from './schemas.ts'

/** Renew a little before Reddit's `expires_in` so no request goes out with a dying token. */
const EXPIRY_MARGIN_MS = 60_000

export interface TokenSource {
  get(signal?: AbortSignal): Promise<string>
  /** Forget the cached token (after a 401): the next `get` asks for a new one. */
  invalidate(): void
}

export interface TokenSourceOptions {
  /** Client on the token host (www.reddit.com), not the API host. */
  http: HttpClient
  tokenPath: string
  clientId: string
  clientSecret: string
  now: () => number
  /** Keeps the token between runs and processes until it expires (it is good for `expires_in`). */
  store?: SessionStore
}

const storedTokenSchema = z.object({ clientId: z.string(), token: z.string(), expiresAt: z.number() })

/** Marks errors of the token endpoint itself, which renewing the token cannot fix. */
export const CREDENTIALS_REFUSED = 'credentials_refused'

function refused(detail: string, status?: number): ConnectorError {
  return new ConnectorError(
    'reddit',
    'auth',
    `Reddit refused the credentials (${detail}): check the client id and secret of this source`,
    status === undefined ? { code: CREDENTIALS_REFUSED } : { status, code: CREDENTIALS_REFUSED },
  )
}

/** App-only OAuth (client_credentials grant), one token shared by all requests until it expires. */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  let cached: { token: string; expiresAt: number } | null = null
  let pending: Promise<string> | null = null
  let rejected: string | null = null
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')

  /** A token another run or process obtained and saved, while it is still good. */
  async function storedToken(): Promise<string | null> {
    if (!options.store) return null
    const parsed = storedTokenSchema.safeParse(await options.store.load())
    if (!parsed.success || parsed.data.clientId !== options.clientId || parsed.data.expiresAt <= options.now() || parsed.data.token === rejected) return null
    cached = { token: parsed.data.token, expiresAt: parsed.data.expiresAt }
    return cached.token
  }

  async function fetchToken(signal?: AbortSignal): Promise<string> {
    const kept = await storedToken()
    if (kept !== null) return kept
    // Reddit documents no limit on token requests; counting them still shows them in the run's stats.
    await options.store?.beforeLogin([])
    let body
    try {
      const res = await options.http.postForm(options.tokenPath, { grant_type: 'client_credentials' }, tokenResponseSchema, {
        headers: { authorization: `Basic ${basic}` },
        ...(signal ? { signal } : {}),
      })
      body = res.body
    } catch (err) {
      if (err instanceof ConnectorError && (err.kind === 'auth' || err.kind === 'forbidden' || err.kind === 'bad_request')) {
        throw refused(String(err.status ?? err.kind), err.status)
      }
      throw err
    }
    if ('error' in body) throw refused(String(body.error))
    cached = { token: body.access_token, expiresAt: options.now() + body.expires_in * 1000 - EXPIRY_MARGIN_MS }
    await options.store?.save({ clientId: options.clientId, ...cached })
    return body.access_token
  }

  return {
    async get(signal) {
      if (cached && cached.expiresAt > options.now()) return cached.token
      // Concurrent callers share one token request.
      pending ??= fetchToken(signal).finally(() => {
        pending = null
      })
      return pending
    },
    invalidate() {
      // A refused token must not be read back from the store either.
      if (cached) rejected = cached.token
      cached = null
    },
  }
}
