// digest: sends each weekly digest subscription's email when its slot (weekday, hour, time zone)
// has come and that ISO week's email is not sent yet. Cost: per due subscription, a handful of
// aggregate queries over the topic's last two weeks and one SMTP transaction. Locking: one run per
// scope at a time (job_runs), one instance per scheduled fire, and above all a digest_deliveries
// row per (subscription, week) claimed before sending — at most one email per subscription and
// week across instances and restarts (see src/insight/digest/delivery/claims.ts).
import { thisProcess } from '../src/platform/process/identity.ts'
import { defaultSender } from '../src/insight/digest/delivery/message.ts'
import { sendDueDigests, type DigestSenderDeps } from '../src/insight/digest/delivery/send-due-digests.ts'
import { smtpTransport, type MailTransport } from '../src/insight/digest/delivery/transport.ts'
import { deliverDueWebhooks } from '../src/tenancy/webhooks/dispatch.ts'
import type { AddressPolicy } from '../src/pipeline/networks/http/address-policy.ts'
import type { SecretBox } from '../src/platform/secrets/secret-box.ts'
import type { Job } from '../src/tenancy/job-runs/job.ts'

/** Where digests are sent from and what their links point at, from the command that starts the jobs. */
export interface DigestMailSettings {
  /** SMTP_URL; without it (and without a transport) a due digest fails with a clear message. */
  smtpUrl?: string
  /** PUBLIC_URL, or the address the service listens on. */
  publicUrl?: string
}

export interface DigestJobDeps extends DigestMailSettings {
  /** Defaults to SMTP over `smtpUrl`. */
  transport?: MailTransport
  from?: string
  now?: () => Date
  instanceId?: string
  schedule?: string
  retryDelaysMs?: DigestSenderDeps['retryDelaysMs']
  sleep?: DigestSenderDeps['sleep']
  /** DNS for the webhook deliveries (digest.sent) made right after sending. */
  addressPolicy?: AddressPolicy
  secrets?: SecretBox
}

export function createDigestJob(deps: DigestJobDeps = {}): Job {
  let configured: { transport: MailTransport; from: string; publicUrl: string } | null = null
  const setup = () => {
    if (configured) return configured
    const publicUrl = deps.publicUrl ?? 'http://127.0.0.1:3000'
    let transport = deps.transport
    let from = deps.from
    if (!transport) {
      if (!deps.smtpUrl) throw new Error('SMTP_URL is not set: digests cannot be sent.')
      const smtp = smtpTransport(deps.smtpUrl)
      transport = smtp.transport
      from ??= smtp.from ?? undefined
    }
    configured = { transport, from: from ?? defaultSender(publicUrl), publicUrl }
    return configured
  }
  return {
    name: 'digest',
    defaultSchedule: deps.schedule ?? '0 * * * *',
    description: 'Sends the weekly digest emails that are due (one per subscription and week).',
    async run(ctx, scope) {
      const now = deps.now ?? ctx.now
      const hasSubscriptions = await ctx.db.selectFrom('digest_subscriptions').select('id').limit(1).executeTakeFirst()
      if (!hasSubscriptions) return { due: 0, sent: 0 }
      const { transport, from, publicUrl } = setup()
      const stats = await sendDueDigests({
        db: ctx.db, transport, from, publicUrl, now, log: ctx.log, instanceId: deps.instanceId ?? thisProcess(),
        ...(deps.retryDelaysMs && { retryDelaysMs: deps.retryDelaysMs }), ...(deps.sleep && { sleep: deps.sleep }),
      }, scope, ctx.signal)
      // Tell webhooks at once rather than at the webhooks job's next fire.
      const webhooks = stats.sent > 0 && scope.workspaceId
        ? await deliverDueWebhooks({ db: ctx.db, now, log: ctx.log, ...(deps.addressPolicy && { addressPolicy: deps.addressPolicy }), ...(deps.secrets && { secrets: deps.secrets }) }, { workspaceId: scope.workspaceId }, ctx.signal)
        : null
      return { ...stats, ...(webhooks && { webhooksDelivered: webhooks.delivered }) }
    },
  }
}
