import { Agent, request } from 'undici'
import { guardedLookup, resolveTarget, type Resolver } from './resolve-target.ts'
import { SIGNATURE_HEADER, signPayload } from './signature.ts'

export interface DeliveryAttempt { ok: boolean; statusCode: number | null; error: string | null }

export interface PostOptions {
  url: string
  secret: string
  event: string
  deliveryId: number
  body: string
  now: Date
  allowPrivate: boolean
  resolver: Resolver
  timeoutMs: number
  signal?: AbortSignal
}

/**
 * One signed POST. The target is checked before connecting (an IP written in the URL) and again
 * by the socket's own lookup (a name, resolved at connect time); redirects are not followed.
 */
export async function postDelivery(o: PostOptions): Promise<DeliveryAttempt> {
  const agent = new Agent({ connect: { lookup: guardedLookup(o.allowPrivate, o.resolver) as never, timeout: o.timeoutMs }, headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs })
  try {
    await resolveTarget(new URL(o.url).hostname, o.allowPrivate, o.resolver)
    const timestamp = Math.floor(o.now.getTime() / 1000)
    const response = await request(o.url, {
      method: 'POST',
      dispatcher: agent,
      body: o.body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Relais-Webhooks/1',
        [SIGNATURE_HEADER]: signPayload(o.secret, timestamp, o.body),
        'relais-event': o.event,
        'relais-delivery': String(o.deliveryId),
      },
      ...(o.signal && { signal: o.signal }),
    })
    await response.body.dump({ limit: 64 * 1024 }).catch(() => {})
    const ok = response.statusCode >= 200 && response.statusCode < 300
    return { ok, statusCode: response.statusCode, error: ok ? null : `The receiver answered ${response.statusCode}.` }
  } catch (error) {
    const cause = (error as { cause?: Error }).cause
    return { ok: false, statusCode: null, error: (cause?.message ?? (error as Error).message).slice(0, 500) }
  } finally {
    await agent.close().catch(() => {})
  }
}
