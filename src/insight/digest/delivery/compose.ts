import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import type { DigestLanguage } from '../../../platform/db/tables/digests.ts'
import { gatherDigest } from '../content/gather.ts'
import { renderDigest } from '../render/index.ts'
import { createLink } from '../../../tenancy/people/links.ts'
import { unsubscribeLink } from '../unsubscribe.ts'
import { digestMessage } from './message.ts'
import type { DigestMessage } from './transport.ts'

export interface DueSubscription { id: string; workspace_id: string; topic_id: string; language: DigestLanguage; time_zone: string }

/**
 * The week's message for each address still owed it. The content is gathered once; each message
 * carries the same read-only link to the topic (recipients need no account; 30 days, ending with
 * the subscription) and the recipient's own unsubscribe link.
 */
export async function composeMessages(
  db: Kysely<DB>,
  o: { sub: DueSubscription; addresses: string[]; slotAt: Date; isoWeek: string; from: string; publicUrl: string; now: Date },
): Promise<Map<string, DigestMessage>> {
  const messages = new Map<string, DigestMessage>()
  if (o.addresses.length === 0) return messages
  const { sub } = o
  const base = o.publicUrl.replace(/\/+$/, '')
  const content = await gatherDigest(db, sub.topic_id, o.slotAt)
  const share = await createLink(db, { purpose: 'share', workspaceId: sub.workspace_id, topicId: sub.topic_id, digestId: sub.id }, o.now)
  for (const address of o.addresses) {
    const token = await unsubscribeLink(db, { workspaceId: sub.workspace_id, subscriptionId: sub.id, address }, o.now)
    const rendered = renderDigest(content, { language: sub.language, timeZone: sub.time_zone, subscriptionId: sub.id, baseUrl: base, openToken: share.token, unsubscribeToken: token })
    messages.set(address, digestMessage({ from: o.from, to: address, subscriptionId: sub.id, isoWeek: o.isoWeek, rendered, unsubscribeUrl: `${base}/v1/unsubscribe/${token}` }))
  }
  return messages
}
