import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import type { RefusedRecipient } from '../../../platform/db/tables/digests.ts'
import { emitWebhookEvent } from '../../../tenancy/webhooks/events.ts'
import { gatherDigest } from '../content/gather.ts'
import { renderDigest } from '../render/index.ts'
import { createLink } from '../../../tenancy/people/links.ts'
import { dueSlot } from '../schedule.ts'
import { claimDelivery, markFinished, markRetrying, markSending, markSent, releaseToClaimed, settleAbandoned, supersede, type Claim } from './claims.ts'
import { classifySendError } from './classify-error.ts'
import { digestMessage, digestMessageId } from './message.ts'
import { jsonb } from './jsonb.ts'
import { mergeRefused } from './refused.ts'
import type { MailTransport } from './transport.ts'

export interface DigestSenderDeps {
  db: Kysely<DB>
  transport: MailTransport
  from: string
  publicUrl: string
  instanceId: string
  now: () => Date
  log: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void }
  /** Waits between attempts within a run (the server did not take the message). */
  retryDelaysMs?: readonly number[]
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

export interface DigestStats { due: number; sent: number; retrying: number; failed: number; unknown: number; skipped: number; [key: string]: number }

/** After this many attempts in all, a digest the server keeps turning away is given up. */
const MAX_ATTEMPTS = 12
/** Between runs: 15 minutes after the first failed run, doubling, at most 6 hours. */
const retryAfterMs = (attempts: number) => Math.min(15 * 60_000 * 2 ** Math.max(0, Math.floor(attempts / 3) - 1), 6 * 3_600_000)

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve() }, { once: true })
  })

/** Sends every digest of the scope that is due and not yet sent for its week. */
export async function sendDueDigests(deps: DigestSenderDeps, scope: { workspaceId?: string; topicId?: string; excludeWorkspaces?: string[] }, signal: AbortSignal): Promise<DigestStats> {
  const stats: DigestStats = { due: 0, sent: 0, retrying: 0, failed: 0, unknown: 0, skipped: 0 }
  let query = deps.db
    .selectFrom('digest_subscriptions as s').innerJoin('topics as t', 't.id', 's.topic_id')
    .select(['s.id', 's.workspace_id', 's.topic_id', 's.recipients', 's.weekday', 's.hour', 's.time_zone', 's.language', 's.schedule_from'])
    .orderBy('s.created_at').orderBy('s.id')
  if (scope.workspaceId) query = query.where('s.workspace_id', '=', scope.workspaceId)
  if (scope.topicId) query = query.where('s.topic_id', '=', scope.topicId)
  if (scope.excludeWorkspaces?.length) query = query.where('s.workspace_id', 'not in', scope.excludeWorkspaces)
  const subscriptions = await query.execute()
  for (const workspaceId of new Set(subscriptions.map((s) => s.workspace_id))) stats.unknown += await settleAbandoned(deps.db, workspaceId, deps.now())

  for (const sub of subscriptions) {
    if (signal.aborted) break
    const slot = dueSlot({ weekday: sub.weekday, hour: sub.hour, timeZone: sub.time_zone }, sub.schedule_from, deps.now())
    if (!slot) continue
    await supersede(deps.db, sub.id, slot.isoWeek, deps.now())
    const claim = await claimDelivery(deps.db, {
      subscriptionId: sub.id, isoWeek: slot.isoWeek, scheduledFor: slot.at, messageId: digestMessageId(sub.id, slot.isoWeek, deps.from), instanceId: deps.instanceId, now: deps.now(),
    })
    if (!claim) {
      stats.skipped++
      continue
    }
    stats.due++
    let message: ReturnType<typeof digestMessage>
    try {
      const content = await gatherDigest(deps.db, sub.topic_id, slot.at)
      // Recipients need no account: the links carry a read-only link to this topic (30 days; it
      // ends with the subscription).
      const share = await createLink(deps.db, { purpose: 'share', workspaceId: sub.workspace_id, topicId: sub.topic_id, digestId: sub.id }, deps.now())
      const rendered = renderDigest(content, { language: sub.language, timeZone: sub.time_zone, subscriptionId: sub.id, baseUrl: deps.publicUrl, openToken: share.token })
      message = digestMessage({ from: deps.from, to: sub.recipients, subscriptionId: sub.id, isoWeek: slot.isoWeek, rendered })
    } catch (error) {
      // Nothing went to SMTP: the claim waits for a later run, and the other subscriptions go on.
      deps.log.warn({ subscription: sub.id, err: error }, 'digest could not be composed')
      await markRetrying(deps.db, claim.id, `Could not compose the digest: ${(error as Error).message}`, new Date(deps.now().getTime() + retryAfterMs(0)), deps.now())
      stats.retrying++
      continue
    }
    const outcome = await deliver(deps, claim, message, signal)
    stats[outcome]++
    if (outcome === 'sent') {
      await emitWebhookEvent(deps.db, sub.workspace_id, 'digest.sent', `digest:${sub.id}:${slot.isoWeek}`, {
        subscriptionId: sub.id, topicId: sub.topic_id, isoWeek: slot.isoWeek, messageId: message.messageId, subject: message.subject,
      }, deps.now())
    }
  }
  return stats
}

type Outcome = 'sent' | 'retrying' | 'failed' | 'unknown' | 'skipped'

async function deliver(deps: DigestSenderDeps, claim: Claim, message: ReturnType<typeof digestMessage>, signal: AbortSignal): Promise<Outcome> {
  const delays = deps.retryDelaysMs ?? [5_000, 30_000]
  const sleep = deps.sleep ?? defaultSleep
  for (let attempt = 0; ; attempt++) {
    const attempts = await markSending(deps.db, claim, deps.instanceId, deps.now())
    if (attempts === null) return 'skipped'
    try {
      const result = await deps.transport.send(message, signal)
      const at = deps.now()
      const refused: RefusedRecipient[] = result.rejected.map((r) => ({ address: r.address, reason: r.response, at: at.toISOString(), permanent: r.permanent }))
      await markSent(deps.db, claim.id, { accepted: result.accepted, rejected: refused, response: result.response, now: at })
      await recordRefusals(deps.db, claim.id, refused, result.accepted)
      deps.log.info({ delivery: claim.id, messageId: message.messageId, accepted: result.accepted.length, refused: refused.length }, 'digest sent')
      return 'sent'
    } catch (error) {
      const failure = classifySendError(error)
      const now = deps.now()
      deps.log.warn({ delivery: claim.id, messageId: message.messageId, failure: failure.kind, reason: failure.reason }, 'digest not sent')
      if (failure.kind === 'unknown') {
        await markFinished(deps.db, claim.id, 'unknown', `The connection failed while the mail server had the message (${failure.reason}); not sent again so it never arrives twice.`, now)
        return 'unknown'
      }
      if (failure.kind === 'refused') {
        const refused = failure.recipients.map((r) => ({ address: r.address, reason: r.response, at: now.toISOString(), permanent: r.permanent }))
        await markFinished(deps.db, claim.id, 'failed', `Refused by the mail server: ${failure.reason}`, now, refused)
        await recordRefusals(deps.db, claim.id, refused, [])
        return 'failed'
      }
      if (attempt < delays.length && !signal.aborted) {
        await releaseToClaimed(deps.db, claim.id, failure.reason, now)
        await sleep(delays[attempt], signal)
        continue
      }
      if (attempts >= MAX_ATTEMPTS) {
        await markFinished(deps.db, claim.id, 'failed', `Gave up after ${attempts} attempts: ${failure.reason}`, now)
        return 'failed'
      }
      await markRetrying(deps.db, claim.id, failure.reason, new Date(now.getTime() + retryAfterMs(attempts)), now)
      return 'retrying'
    }
  }
}

async function recordRefusals(db: Kysely<DB>, deliveryId: number, refused: RefusedRecipient[], accepted: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const sub = await trx
      .selectFrom('digest_subscriptions').select(['digest_subscriptions.id', 'refused'])
      .where('id', '=', trx.selectFrom('digest_deliveries').select('subscription_id').where('id', '=', deliveryId))
      .forUpdate().executeTakeFirst()
    if (!sub) return
    const merged = mergeRefused(sub.refused, refused, accepted)
    if (JSON.stringify(merged) !== JSON.stringify(sub.refused)) await trx.updateTable('digest_subscriptions').set({ refused: jsonb(merged) }).where('id', '=', sub.id).execute()
  })
}
