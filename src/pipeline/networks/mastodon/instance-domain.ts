// The domain of an instance's own accounts, as the instance itself says it. A Mastodon server
// may serve its web pages and API on one host (WEB_DOMAIN, e.g. `social.example.com`) and name
// its accounts after another (LOCAL_DOMAIN, e.g. `alice@example.com`); its `acct`s of local
// accounts carry no domain at all, so the host a source reaches it at is not enough to name them.
// `GET /api/v2/instance` (Mastodon 4.0+, public) gives it as `domain`; an instance that has no v2
// answers `GET /api/v1/instance` with it as `uri`. Read once per source and kept with the source's
// session (it never changes: Mastodon forbids changing LOCAL_DOMAIN once accounts exist), so
// later runs and other processes make no request for it.
import { z } from 'zod'
import { isConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import type { SessionStore } from '../session-store.ts'

const v2Schema = z.object({ domain: z.string().min(1).max(253) })
const v1Schema = z.object({ uri: z.string().min(1).max(253) })
const storedSchema = z.object({ instance: z.string(), localDomain: z.string().min(1).max(253) })

/** A bare host name: what `uri` of an old v1 answer may also give as a URL. */
function hostOf(value: string): string {
  const trimmed = value.trim().toLowerCase()
  return /^https?:\/\//.test(trimmed) ? new URL(trimmed).host : trimmed.replace(/\/+$/, '')
}

export interface InstanceDomain {
  /** The account domain, read from the instance at most once per source. */
  get(signal?: AbortSignal): Promise<string>
  /** Requests this object made to the instance (0 or 1, 2 where v2 is missing). */
  readonly requests: number
}

/**
 * `configured` (the source's `localDomain` setting) wins and costs nothing; otherwise the stored
 * answer for this instance; otherwise the instance is asked and the answer stored.
 */
export function instanceDomain(http: HttpClient, baseUrl: string, configured: string | undefined, store?: SessionStore): InstanceDomain {
  let pending: Promise<string> | null = configured ? Promise.resolve(configured.toLowerCase()) : null
  let requests = 0
  const ask = async (signal?: AbortSignal): Promise<string> => {
    const stored = storedSchema.safeParse(await store?.load())
    if (stored.success && stored.data.instance === baseUrl) return stored.data.localDomain
    let domain: string
    try {
      requests++
      domain = hostOf((await http.getJson('/api/v2/instance', {}, v2Schema, { signal })).body.domain)
    } catch (err) {
      if (!isConnectorError(err) || err.kind !== 'not_found') throw err
      requests++
      domain = hostOf((await http.getJson('/api/v1/instance', {}, v1Schema, { signal })).body.uri)
    }
    await store?.save({ instance: baseUrl, localDomain: domain })
    return domain
  }
  return {
    get(signal) {
      // A failed read is not kept: the next call asks again.
      pending ??= ask(signal).catch((error: unknown) => { pending = null; throw error })
      return pending
    },
    get requests() {
      return requests
    },
  }
}
