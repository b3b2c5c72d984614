/** What an error response said, whatever the network's error format. */
export interface ErrorBodySummary {
  /** The body was an HTML page (CDN, load balancer, proxy) rather than JSON. */
  html: boolean
  /** The network's error name: XRPC `error`, X problem `title`. */
  code: string | null
  /** Human text extracted from the body, trimmed to a readable length. */
  message: string | null
  /** X problem `type` URI, when present. */
  problemType: string | null
  json: Record<string, unknown> | null
}

const MAX_MESSAGE_LENGTH = 300

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function firstNestedMessage(errors: unknown): string | null {
  if (!Array.isArray(errors)) return null
  for (const item of errors) {
    if (item && typeof item === 'object') {
      const text = str((item as Record<string, unknown>).message) ?? str((item as Record<string, unknown>).detail)
      if (text) return text
    }
  }
  return null
}

function shorten(text: string): string {
  const single = text.replace(/\s+/g, ' ')
  return single.length > MAX_MESSAGE_LENGTH ? `${single.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : single
}

/**
 * Understands the error bodies of the four networks: XRPC `{error, message}`, X problem
 * `{title, detail, type, errors[]}`, Reddit `{message, error: 404, reason?}`, Mastodon
 * `{error, error_description?}` — and HTML pages, which are reported as such.
 */
export function summarizeErrorBody(text: string, contentType: string | null): ErrorBodySummary {
  const empty: ErrorBodySummary = { html: false, code: null, message: null, problemType: null, json: null }
  const trimmed = text.trim()
  if (/html/i.test(contentType ?? '') || /^<(!doctype|html|head|body)/i.test(trimmed)) {
    return { ...empty, html: true }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch {
    return { ...empty, message: trimmed === '' ? null : shorten(trimmed) }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return empty
  const o = parsed as Record<string, unknown>
  const code = str(o.error) ?? str(o.title)
  const detail = str(o.detail) ?? str(o.message) ?? str(o.error_description) ?? str(o.explanation)
  // X invalid-request problems name the faulty parameter only in `errors[].message`.
  const nested = firstNestedMessage(o.errors)
  const reason = str(o.reason)
  const parts = [code, detail, nested].filter((p): p is string => p !== null)
  const unique = parts.filter((p, i) => parts.indexOf(p) === i)
  let message = unique.length > 0 ? unique.join(': ') : null
  if (message && reason) message += ` (${reason})`
  return { html: false, code, message: message ? shorten(message) : null, problemType: str(o.type), json: o }
}
