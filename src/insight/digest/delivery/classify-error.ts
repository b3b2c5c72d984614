// What a failed SMTP send means for a digest that must never arrive twice:
// - the server answered 4xx: it did not take the message → retry later;
// - the server answered 5xx: it refuses for good → failed, refused addresses reported;
// - the connection failed before the session began (refused, DNS, connect or greeting timeout),
//   or the envelope was refused: nothing was sent → retry later;
// - anything else (the connection dropped mid-session without a reply): the server may have the
//   message → 'unknown', never re-sent (at most once).

export type SendFailure =
  | { kind: 'retry'; reason: string }
  | { kind: 'refused'; reason: string; recipients: { address: string; response: string; permanent: boolean }[] }
  | { kind: 'unknown'; reason: string }

interface SmtpError {
  message?: string
  code?: string
  originalCode?: string
  responseCode?: number
  response?: string
  command?: string
  rejected?: unknown[]
  rejectedErrors?: { recipient?: string; response?: string; responseCode?: number }[]
}

const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])
const BEFORE_MESSAGE = new Set(['EDNS', 'EAUTH', 'ECONFIG', 'ETLS', 'ENOAUTH'])

export function classifySendError(error: unknown): SendFailure {
  const e = (error ?? {}) as SmtpError
  const reason = (e.response ?? e.message ?? String(error)).slice(0, 500)
  if (e.code === 'EENVELOPE' && e.rejectedErrors?.length) {
    const recipients = e.rejectedErrors.map((r) => ({ address: r.recipient ?? '?', response: r.response ?? reason, permanent: (r.responseCode ?? 550) >= 500 }))
    return recipients.every((r) => r.permanent) ? { kind: 'refused', reason, recipients } : { kind: 'retry', reason }
  }
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500) return { kind: 'refused', reason, recipients: [] }
    if (e.responseCode >= 400) return { kind: 'retry', reason }
  }
  if (e.code && BEFORE_MESSAGE.has(e.code)) return { kind: 'retry', reason }
  if (e.originalCode && NOT_CONNECTED.has(e.originalCode)) return { kind: 'retry', reason }
  if (e.code === 'ETIMEDOUT' && /^(Connection timeout|Greeting never received)/.test(e.message ?? '')) return { kind: 'retry', reason }
  if (e.code === 'ECONNECTION' && e.command === 'CONN' && /ECONNREFUSED|ENOTFOUND/.test(e.message ?? '')) return { kind: 'retry', reason }
  return { kind: 'unknown', reason }
}
