import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { createInboxService } from '../../mentions/inbox-service.ts'
import type { InboxItem } from './types.ts'

const SHOWN = 5
/** Counted up to this many; beyond, the digest says "more than". */
const COUNTED = 200
const EXCERPT = 220
const PRIORITY = { directMention: 0, negative: 1, question: 2 } as const

/**
 * The mentions still waiting for an answer (the inbox API: questions, complaints, posts naming
 * the brand's accounts, not marked handled): how many, and the few to answer first — those naming
 * the brand, then complaints, then questions, the most engaging first.
 */
export async function unansweredMentions(db: Kysely<DB>, workspaceId: string, topicId: string): Promise<{ total: number; more: boolean; items: InboxItem[] }> {
  const page = await createInboxService({ db }).list(workspaceId, topicId, { limit: COUNTED })
  const rank = (reasons: readonly (keyof typeof PRIORITY)[]) => Math.min(...reasons.map((r) => PRIORITY[r]))
  const items = [...page.items]
    .sort((a, b) => rank(a.reasons) - rank(b.reasons) || b.mention.engagement.total - a.mention.engagement.total || b.mention.createdAt.localeCompare(a.mention.createdAt))
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
