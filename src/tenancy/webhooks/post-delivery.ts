import { request } from 'undici'
import { checkOutboundUrl, guardedAgent, type AddressPolicy } from '../../pipeline/networks/http/address-policy.ts'
import { unsafeTargetIn } from '../../pipeline/networks/http/resolve-target.ts'
import { SIGNATURE_HEADER, signPayload } from './signature.ts'

export interface DeliveryAttempt { ok: boolean; statusCode: number | null; error: string | null }

export interface PostOptions {
  url: string
  secret: string
  event: string
  deliveryId: number
  body: string
  now: Date
  policy: AddressPolicy
  /** The whole attempt — connect, send, answer and its body — ends by then, however slowly the receiver trickles. */
  timeoutMs: number
  signal?: AbortSignal
}

/**
 * One signed POST. The target is checked before connecting (an IP written in the URL) and again
 * by the socket's own lookup (a name, resolved at connect time); redirects are not followed.
 * Errors name what happened on our side only: nothing the receiver sent is repeated.
 */
export async function postDelivery(o: PostOptions): Promise<DeliveryAttempt> {
  const agent = guardedAgent(o.policy, { connect: { timeout: o.timeoutMs }, headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs })
  const deadline = AbortSignal.timeout(o.timeoutMs)
  const signal = o.signal ? AbortSignal.any([o.signal, deadline]) : deadline
  try {
    await checkOutboundUrl(new URL(o.url), o.policy, 'webhook')
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
      signal,
    })
    await response.body.dump({ limit: 64 * 1024, signal }).catch(() => {})
    // An answer still trickling at the deadline is not an answer: tried again later.
    if (deadline.aborted) return notInTime(o.timeoutMs)
    const ok = response.statusCode >= 200 && response.statusCode < 300
    return { ok, statusCode: response.statusCode, error: ok ? null : `The receiver answered ${response.statusCode}.` }
  } catch (error) {
    const unsafe = unsafeTargetIn(error)
    if (unsafe) return { ok: false, statusCode: null, error: unsafe.message }
    if (deadline.aborted) return notInTime(o.timeoutMs)
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code
    return { ok: false, statusCode: null, error: `The receiver could not be reached${code ? ` (${code})` : ''}.` }
  } finally {
    agent.destroy().catch(() => {})
  }
}

const notInTime = (ms: number): DeliveryAttempt => ({ ok: false, statusCode: null, error: `The receiver did not answer within ${Math.round(ms / 1000)} s.` })
