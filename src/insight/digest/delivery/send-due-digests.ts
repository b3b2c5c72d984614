import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import type { RefusedRecipient } from '../../../platform/db/tables/digests.ts'
import { emitWebhookEvent } from '../../../tenancy/webhooks/events.ts'
import { unsubscribedAddresses } from '../unsubscribe.ts'
import { dueSlot } from '../schedule.ts'
import { claimDelivery, markFinished, markRetrying, markSending, markSent, releaseToClaimed, settleAbandoned, supersede, type Claim } from './claims.ts'
import { classifySendError } from './classify-error.ts'
import { digestMessageId } from './message.ts'
import { composeMessages } from './compose.ts'
import { deliveryProgress, recordProgress, stillOwed } from './progress.ts'
import { jsonb } from './jsonb.ts'
import { mergeRefused } from './refused.ts'
import type { DigestMessage, MailTransport } from './transport.ts'

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
    if (!slot || sub.recipients.length === 0) continue
    await supersede(deps.db, sub.id, slot.isoWeek, deps.now())
    const claim = await claimDelivery(deps.db, {
      subscriptionId: sub.id, isoWeek: slot.isoWeek, scheduledFor: slot.at, messageId: digestMessageId(sub.id, slot.isoWeek, deps.from), instanceId: deps.instanceId, now: deps.now(),
    })
    if (!claim) {
      stats.skipped++
      continue
    }
    stats.due++
    let messages: Map<string, DigestMessage>
    try {
      const left = await unsubscribedAddresses(deps.db, sub.id)
      const owed = stillOwed(sub.recipients.filter((a) => !left.has(a.toLowerCase())), await deliveryProgress(deps.db, claim.id))
      messages = await composeMessages(deps.db, { sub, addresses: owed, slotAt: slot.at, isoWeek: slot.isoWeek, from: deps.from, publicUrl: deps.publicUrl, now: deps.now() })
    } catch (error) {
      // Nothing went to SMTP: the claim waits for a later run, and the other subscriptions go on.
      deps.log.warn({ subscription: sub.id, err: error }, 'digest could not be composed')
      await markRetrying(deps.db, claim.id, `Could not compose the digest: ${(error as Error).message}`, new Date(deps.now().getTime() + retryAfterMs(0)), deps.now())
      stats.retrying++
      continue
    }
    const outcome = await deliver(deps, claim, messages, signal)
    stats[outcome]++
    if (outcome === 'sent') {
      const first = messages.values().next().value
      await emitWebhookEvent(deps.db, sub.workspace_id, 'digest.sent', `digest:${sub.id}:${slot.isoWeek}`, {
        subscriptionId: sub.id, topicId: sub.topic_id, isoWeek: slot.isoWeek, messageId: digestMessageId(sub.id, slot.isoWeek, deps.from), subject: first?.subject ?? '',
      }, deps.now())
    }
  }
  return stats
}

type Outcome = 'sent' | 'retrying' | 'failed' | 'unknown' | 'skipped'

/** Sends each recipient's message once; resumes with the recipients still owed after a "try later". */
async function deliver(deps: DigestSenderDeps, claim: Claim, messages: Map<string, DigestMessage>, signal: AbortSignal): Promise<Outcome> {
  const delays = deps.retryDelaysMs ?? [5_000, 30_000]
  const sleep = deps.sleep ?? defaultSleep
  for (let attempt = 0; ; attempt++) {
    const progress = await deliveryProgress(deps.db, claim.id)
    const owed = stillOwed([...messages.keys()], progress)
    const attempts = await markSending(deps.db, claim, deps.instanceId, deps.now())
    if (attempts === null) return 'skipped'
    let tryLater: string | null = null
    for (const address of owed) {
      const message = messages.get(address)!
      try {
        const result = await deps.transport.send(message, signal)
        const at = deps.now().toISOString()
        progress.accepted.push(...result.accepted)
        progress.refused.push(...result.rejected.map((r) => ({ address: r.address, reason: r.response, at, permanent: r.permanent })))
        await recordProgress(deps.db, claim.id, progress, deps.now())
      } catch (error) {
        const failure = classifySendError(error)
        const now = deps.now()
        deps.log.warn({ delivery: claim.id, messageId: message.messageId, failure: failure.kind, reason: failure.reason }, 'digest not sent')
        if (failure.kind === 'unknown') {
          await recordProgress(deps.db, claim.id, progress, now)
          await markFinished(deps.db, claim.id, 'unknown', `The connection failed while the mail server had the message (${failure.reason}); not sent again so it never arrives twice.`, now, progress.refused)
          await recordRefusals(deps.db, claim.id, progress.refused, progress.accepted)
          return 'unknown'
        }
        if (failure.kind === 'refused') {
          const refused = failure.recipients.length ? failure.recipients : [{ address, response: failure.reason, permanent: true }]
          progress.refused.push(...refused.map((r) => ({ address: r.address, reason: r.response, at: now.toISOString(), permanent: r.permanent })))
          await recordProgress(deps.db, claim.id, progress, now)
          continue
        }
        tryLater = failure.reason
      }
    }
    const now = deps.now()
    if (tryLater === null) {
      await recordRefusals(deps.db, claim.id, progress.refused, progress.accepted)
      if (progress.accepted.length === 0 && progress.refused.length > 0) {
        await markFinished(deps.db, claim.id, 'failed', `Refused by the mail server: ${progress.refused.map((r) => `${r.address}: ${r.reason}`).join('; ')}`, now, progress.refused)
        return 'failed'
      }
      await markSent(deps.db, claim.id, { accepted: progress.accepted, rejected: progress.refused, response: `${progress.accepted.length} message(s) accepted`, now })
      deps.log.info({ delivery: claim.id, accepted: progress.accepted.length, refused: progress.refused.length }, 'digest sent')
      return 'sent'
    }
    if (attempt < delays.length && !signal.aborted) {
      await releaseToClaimed(deps.db, claim.id, tryLater, now)
      await sleep(delays[attempt], signal)
      continue
    }
    if (attempts >= MAX_ATTEMPTS) {
      await markFinished(deps.db, claim.id, 'failed', `Gave up after ${attempts} attempts: ${tryLater}`, now, progress.refused)
      return 'failed'
    }
    await markRetrying(deps.db, claim.id, tryLater, new Date(now.getTime() + retryAfterMs(attempts)), now)
    return 'retrying'
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
