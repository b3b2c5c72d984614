// The HTTP layer every connector goes through (undici, one keep-alive Agent per client):
// - each attempt is bounded by `timeoutMs` (body included); 5xx, 408, 429, network errors,
//   timeouts and truncated JSON are retried up to `maxRetries` times, with exponential backoff
//   and full jitter, or until the moment the network named (Retry-After / reset headers);
// - rate-limit headers are read in each network's own format (./http/rate-limit-headers.ts);
//   once a window is spent, the next request waits for its reset instead of being refused;
// - 4xx other than 408/429 fail at once with a ConnectorError a person can act on;
// - every 2xx body is zod-parsed: a body of another shape is a `bad_response`, not retried;
// - only the base URL's origin is ever called (absolute URLs and redirects included);
// - with an address policy (the application always passes one), only the addresses the operator
//   allows are reached: checked at connect time, on every DNS answer (./http/address-policy.ts);
// - with a fire budget, a request never goes out past the workspace's deadline or request count,
//   and a rate-limit wait longer than what is left ends the call (./http/fire-budget.ts).
import { Agent } from 'undici'
import type { z } from 'zod'
import { ConnectorError } from './errors.ts'
import { networkLabel } from '../../platform/shared/network-names.ts'
import type { CollectableNetwork } from '../../platform/shared/network-names.ts'
import { backoffDelayMs, realSleep } from './http/backoff.ts'
import { buildUrl, type Query } from './http/build-url.ts'
import { judgeFailure, judgeResponse, type Verdict } from './http/judge-response.ts'
import { RateLimitBudget, RESET_MARGIN_MS } from './http/rate-limit-budget.ts'
import { readRateLimitHeaders, type RateLimitHeaderScheme } from './http/rate-limit-headers.ts'
import { rateLimitTooLongError, schemaMismatchError } from './http/response-errors.ts'
import { AttemptError, sendOnce, type RawResponse } from './http/send-once.ts'
import { DEFAULT_USER_AGENT } from './http/user-agent.ts'
import { checkOutboundUrl, guardedAgent, type AddressPolicy } from './http/address-policy.ts'
import { checkWait, spendRequest, type FireBudget } from './http/fire-budget.ts'
import { UnsafeTargetError } from './http/resolve-target.ts'

export type { Query, QueryValue } from './http/build-url.ts'

export interface HttpClientOptions {
  network: CollectableNetwork
  baseUrl: string
  /** How the network reports its rate-limit window (each network's rate-limit.ts). */
  rateLimitHeaders: RateLimitHeaderScheme
  /** Must name Relais; the default does. */
  userAgent?: string
  /** Per attempt (connection, headers and body), default 15000. */
  timeoutMs?: number
  /** On 5xx, network errors, timeouts, truncated bodies and 429; default 5. */
  maxRetries?: number
  /** Evaluated before every request, e.g. for a token that may have been refreshed. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  now?: () => number
  random?: () => number
  /** Longest wait for a rate-limit window (default 15 min); beyond that the call fails. */
  maxWaitMs?: number
  /**
   * Which rate-limit window a URL counts against. Default: one window per client, right for
   * networks that limit per client or IP; X limits per endpoint and passes its own.
   */
  rateLimitBucket?: (url: URL) => string
  /** Which addresses may be reached. Omitted: no address check (library use; the application always sets one). */
  addressPolicy?: AddressPolicy
  /** The workspace's budget for this run, shared by all its clients. */
  budget?: FireBudget
}

export interface HttpResponse<T> {
  body: T
  headers: Headers
  status: number
  url: string
}

export interface RequestOptions {
  signal?: AbortSignal
  headers?: Record<string, string>
}

export interface HttpClient {
  getJson<T>(pathOrUrl: string, query: Query, schema: z.ZodType<T>, opts?: RequestOptions): Promise<HttpResponse<T>>
  postJson<T>(path: string, body: unknown, schema: z.ZodType<T>, opts?: RequestOptions): Promise<HttpResponse<T>>
  postForm<T>(path: string, form: Record<string, string>, schema: z.ZodType<T>, opts?: RequestOptions): Promise<HttpResponse<T>>
}

const MAX_REDIRECTS = 5

interface Outgoing {
  method: 'GET' | 'POST'
  body?: string
  contentType?: string
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { network } = options
  const base = new URL(options.baseUrl)
  const label = networkLabel(network)
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const random = options.random ?? Math.random
  const timeoutMs = options.timeoutMs ?? 15_000
  const maxRetries = options.maxRetries ?? 5
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000
  const bucketOf = options.rateLimitBucket ?? (() => 'client')
  const policy = options.addressPolicy
  const fireBudget = options.budget
  const agentOptions = { keepAliveTimeout: 10_000, connections: 8 }
  const agent = policy ? guardedAgent(policy, agentOptions) : new Agent(agentOptions)
  const refused = (error: UnsafeTargetError) => new ConnectorError(network, 'config', `Refusing to call ${base.origin}: ${error.message}`)
  const budget = new RateLimitBudget()

  function resolve(pathOrUrl: string, query: Query): URL {
    const url = buildUrl(base, pathOrUrl, query)
    if (url === null) {
      const origin = URL.canParse(pathOrUrl, base) ? new URL(pathOrUrl, base).origin : 'another origin'
      throw new ConnectorError(network, 'config', `Refusing to call ${origin}: this ${label} source only talks to ${base.origin}`)
    }
    return url
  }

  async function waitForWindow(bucket: string, signal?: AbortSignal): Promise<void> {
    const waitMs = budget.waitMs(bucket, now())
    if (waitMs <= 0) return
    // The margin is ours, not the network's: it does not count against maxWaitMs.
    if (waitMs - RESET_MARGIN_MS > maxWaitMs) throw rateLimitTooLongError(network, waitMs, maxWaitMs, new Date(now() + waitMs))
    if (fireBudget) checkWait(fireBudget, network, now(), waitMs)
    await sleep(waitMs, signal)
    budget.windowElapsed(bucket)
  }

  async function exchange<T>(start: URL, out: Outgoing, schema: z.ZodType<T>, opts: RequestOptions = {}): Promise<HttpResponse<T>> {
    let url = start
    let failures = 0
    let redirects = 0
    const signal = fireBudget && opts.signal ? AbortSignal.any([opts.signal, fireBudget.signal]) : (fireBudget?.signal ?? opts.signal)
    for (;;) {
      if (policy) await checkOutboundUrl(url, policy, 'source').catch((error: unknown) => { throw error instanceof UnsafeTargetError ? refused(error) : error })
      const bucket = bucketOf(url)
      await waitForWindow(bucket, signal)
      if (fireBudget) spendRequest(fireBudget, network, now())
      budget.reserve(bucket)
      const headers: Record<string, string> = {
        'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
        accept: 'application/json',
        ...(options.headers ? await options.headers() : {}),
        ...opts.headers,
      }
      if (out.contentType) headers['content-type'] = out.contentType

      let verdict: Verdict
      let raw: RawResponse | null = null
      try {
        raw = await sendOnce(agent, url, { method: out.method, headers, body: out.body }, timeoutMs, signal)
        const reading = readRateLimitHeaders(options.rateLimitHeaders, raw.headers, now())
        budget.record(bucket, reading)
        verdict = judgeResponse(network, raw, base.origin, reading, now())
      } catch (err) {
        if (err instanceof UnsafeTargetError) throw refused(err)
        if (fireBudget?.signal.aborted && !opts.signal?.aborted) spendRequest(fireBudget, network, now())
        if (!(err instanceof AttemptError)) throw err
        verdict = judgeFailure(network, base.origin, err.failure, timeoutMs, err)
      }

      switch (verdict.kind) {
        case 'ok': {
          const parsed = schema.safeParse(verdict.json)
          if (!parsed.success) throw schemaMismatchError(network, url, parsed.error)
          const done = raw as RawResponse
          return { body: parsed.data, headers: done.headers, status: done.status, url: done.url }
        }
        case 'fail':
          throw verdict.error
        case 'redirect':
          if (++redirects > MAX_REDIRECTS) throw new ConnectorError(network, 'bad_response', `${label} redirected ${url.pathname} more than ${MAX_REDIRECTS} times`)
          url = verdict.location
          continue
        case 'retry':
          failures++
          if (failures > maxRetries) throw verdict.giveUp(failures)
          // A known instant goes through the budget so concurrent requests wait for it too.
          if (verdict.until !== null) budget.exhaust(bucket, verdict.until)
          else await sleep(backoffDelayMs(failures - 1, random), signal).catch((error: unknown) => {
            if (fireBudget?.signal.aborted && !opts.signal?.aborted) spendRequest(fireBudget, network, now())
            throw error
          })
      }
    }
  }

  return {
    // async so that a refused URL rejects like every other failure instead of throwing.
    getJson: async (pathOrUrl, query, schema, opts) => exchange(resolve(pathOrUrl, query), { method: 'GET' }, schema, opts),
    postJson: async (path, body, schema, opts) =>
      exchange(resolve(path, {}), { method: 'POST', body: JSON.stringify(body), contentType: 'application/json' }, schema, opts),
    postForm: async (path, form, schema, opts) =>
      exchange(resolve(path, {}), { method: 'POST', body: new URLSearchParams(form).toString(), contentType: 'application/x-www-form-urlencoded' }, schema, opts),
  }
}
