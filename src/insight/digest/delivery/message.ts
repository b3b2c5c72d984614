import type { RenderedDigest } from '../render/index.ts'
import type { DigestMessage } from './transport.ts'

/**
 * The Message-ID of a subscription's digest for a week. Derived, not random: every attempt at the
 * same digest carries the same id, so a mail system that sees it twice can tell it is one message.
 */
export function digestMessageId(subscriptionId: string, isoWeek: string, from: string): string {
  const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'relais.invalid'
  return `<digest-${subscriptionId}-${isoWeek}@${domain}>`
}

export function digestMessage(o: { from: string; to: string[]; subscriptionId: string; isoWeek: string; rendered: RenderedDigest }): DigestMessage {
  return {
    from: o.from,
    to: o.to,
    subject: o.rendered.subject,
    text: o.rendered.text,
    html: o.rendered.html,
    messageId: digestMessageId(o.subscriptionId, o.isoWeek, o.from),
    headers: {
      // An automatic message (RFC 3834): out-of-office robots do not answer it.
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      'X-Relais-Digest': `${o.subscriptionId}; week=${o.isoWeek}`,
    },
  }
}

/** The sender when SMTP_URL names none: relais@ the public host. */
export function defaultSender(publicUrl: string | undefined): string {
  const host = publicUrl ? new URL(publicUrl).hostname : 'localhost'
  return `Relais <relais@${host}>`
}
