import nodemailer from 'nodemailer'

export interface DigestMessage {
  from: string
  to: string[]
  subject: string
  text: string
  html: string
  /** Set by us, so every attempt of the same digest carries the same Message-ID. */
  messageId: string
  headers: Record<string, string>
}

export interface SendResult {
  /** Addresses the server accepted, and those it refused while accepting others. */
  accepted: string[]
  rejected: { address: string; response: string; permanent: boolean }[]
  response: string
}

/** What the digest job needs of a mail transport; tests wrap the real one to inject faults. */
export interface MailTransport {
  send(message: DigestMessage, signal?: AbortSignal): Promise<SendResult>
  close(): void
}

/**
 * SMTP over nodemailer from SMTP_URL: smtps:// is TLS from the first byte, smtp:// upgrades with
 * STARTTLS when the server offers it (add `?requireTLS=true` to insist). A `from` query parameter
 * sets the sender (it is not passed on to nodemailer).
 */
export function smtpTransport(smtpUrl: string): { transport: MailTransport; from: string | null } {
  const url = new URL(smtpUrl)
  const from = url.searchParams.get('from')
  url.searchParams.delete('from')
  const mailer = nodemailer.createTransport(url.toString())
  return {
    from,
    transport: {
      async send(message, signal) {
        const info = await mailer.sendMail({
          from: message.from, to: message.to, subject: message.subject, text: message.text, html: message.html,
          messageId: message.messageId, headers: message.headers, ...(signal && { signal }),
        })
        const rejectedErrors = (info.rejectedErrors ?? []) as { recipient?: string; response?: string; responseCode?: number }[]
        return {
          accepted: (info.accepted as unknown[]).map(addressOf),
          rejected: (info.rejected as unknown[]).map(addressOf).map((address) => {
            const why = rejectedErrors.find((e) => e.recipient === address)
            return { address, response: why?.response ?? 'refused', permanent: (why?.responseCode ?? 550) >= 500 }
          }),
          response: String(info.response ?? ''),
        }
      },
      close: () => mailer.close(),
    },
  }
}

const addressOf = (a: unknown) => (typeof a === 'string' ? a : (a as { address: string }).address)
