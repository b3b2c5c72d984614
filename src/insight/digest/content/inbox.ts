import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { createInboxService } from '../../mentions/inbox-service.ts'
import type { InboxItem } from './types.ts'

const SHOWN = 5
/** Counted up to this many; beyond, the digest says "more than". */
const COUNTED = 200
const EXCERPT = 220

/**
 * The mentions still waiting for an answer (the inbox API: questions, complaints, posts naming
 * the brand's accounts, not marked handled): how many, and the few to answer first — in the
 * inbox's priority order (reach × urgency × recency), one per conversation.
 */
export async function unansweredMentions(db: Kysely<DB>, workspaceId: string, topicId: string): Promise<{ total: number; more: boolean; items: InboxItem[] }> {
  const page = await createInboxService({ db }).list(workspaceId, topicId, { limit: COUNTED })
  const seen = new Set<string>()
  const items = page.items
    .filter((i) => !seen.has(i.conversation.id) && seen.add(i.conversation.id))
    .slice(0, SHOWN)
    .map((i): InboxItem => ({
      postId: i.mention.id, network: i.mention.network, authorHandle: i.mention.author?.handle ?? null, text: excerpt(i.mention.text), url: i.mention.url,
      createdAt: new Date(i.mention.createdAt), reasons: i.reasons, engagement: i.mention.engagement.total,
    }))
  return { total: page.items.length, more: page.nextCursor !== null, items }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= EXCERPT ? flat : `${flat.slice(0, EXCERPT - 1).trimEnd()}…`
}
