import { createHmac, randomBytes } from 'node:crypto'

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

