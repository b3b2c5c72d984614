import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// Relais-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the webhook's secret>
// The timestamp is signed with the body, so a captured delivery cannot be replayed later than the
// receiver's tolerance.

export const SIGNATURE_HEADER = 'relais-signature'

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

export function signPayload(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${mac}`
}

/** For receivers: true when the header signs this body with this secret within `toleranceSeconds` of now. */
export function verifySignature(header: string, secret: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]))
  const timestamp = Number(parts.get('t'))
  const given = parts.get('v1')
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false
  const expected = signPayload(secret, timestamp, body).split('v1=')[1]
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'))
}
