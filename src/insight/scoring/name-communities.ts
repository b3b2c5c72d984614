import { sql, type Kysely } from 'kysely'
import { idArray } from './id-array.ts'
import type { DB } from '../../platform/db/schema.ts'

export interface NamedCommunity {
  id: number
  name: string
  /** Its most distinctive terms, best first (hashtags with their #). */
  terms: string[]
  size: number
  networks: string[]
  /** accounts.id of its most influential members, best first. */
  topMembers: number[]
}

/** Communities smaller than this are not named (a pair of accounts has no vocabulary to speak of). */
export const MIN_NAMED_SIZE = 3
const TERMS_PER_NAME = 3
const TOP_MEMBERS = 5
const BIO_WORD = /[\p{L}][\p{L}\p{M}'’-]{3,}/gu

/**
 * Names each community by the terms that set it apart (TF-IDF): the hashtags its members wrote on
 * the topic and the words of their bios, each counted once per member, weighed by
 * log((1 + communities) / (1 + communities using it)). A term every community uses (the topic's
 * own hashtag, "simulated") names none. Hashtags are shown as people wrote them most.
 */
export async function nameCommunities(
  db: Kysely<DB>, topicId: string, since: Date, accountIds: number[], community: Int32Array, networks: string[], order: number[],
): Promise<NamedCommunity[]> {
  const members = new Map<number, number[]>()
  community.forEach((c, v) => {
    const list = members.get(c)
    if (list) list.push(v)
    else members.set(c, [v])
  })
  if (accountIds.length === 0) return []
  // The tags of every member in one grouped pass over the topic's posts, not a sub-query per account.
  const ids = idArray(accountIds)
  const { rows } = await sql<{ id: number; bio: string | null; tags: string[] | null }>`
    with tags as (
      select p.author_id, array_agg(distinct t) as tags
      from topic_posts tp join posts p on p.id = tp.post_id, unnest(p.hashtags) t
      where tp.topic_id = ${topicId} and tp.post_created_at >= ${since} and p.author_id = any(${ids}::bigint[])
      group by p.author_id
    )
    select a.id, a.bio, tags.tags from accounts a left join tags on tags.author_id = a.id
    where a.id = any(${ids}::bigint[])`.execute(db)
  const byId = new Map(rows.map((r) => [Number(r.id), r]))
  const written = new Map<string, Map<string, number>>()
  const termsOf = (v: number): Set<string> => {
    const row = byId.get(accountIds[v])
    const terms = new Set<string>()
    for (const tag of row?.tags ?? []) {
      const key = `#${tag.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}`
      terms.add(key)
      const forms = written.get(key) ?? new Map<string, number>()
      forms.set(`#${tag}`, (forms.get(`#${tag}`) ?? 0) + 1)
      written.set(key, forms)
    }
    for (const word of (row?.bio ?? '').matchAll(BIO_WORD)) terms.add(word[0].toLowerCase())
    return terms
  }
  const named = [...members.entries()].filter(([, vs]) => vs.length >= MIN_NAMED_SIZE)
  const counts = new Map(named.map(([c, vs]) => {
    const tf = new Map<string, number>()
    for (const v of vs) for (const term of termsOf(v)) tf.set(term, (tf.get(term) ?? 0) + 1)
    return [c, tf]
  }))
  const df = new Map<string, number>()
  for (const tf of counts.values()) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1)
  const rankOf = new Map(order.map((v, i) => [v, i]))
  return named.map(([c, vs]) => {
    const tf = counts.get(c)!
    const scored = [...tf.entries()]
      .filter(([, k]) => k >= 2 || vs.length < 6)
      .map(([term, k]) => ({ term, score: (k / vs.length) * Math.log((1 + counts.size) / (1 + df.get(term)!)) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term))
    const terms = scored.slice(0, TERMS_PER_NAME).map((s) => shownForm(s.term, written))
    const top = [...vs].sort((a, b) => rankOf.get(a)! - rankOf.get(b)!).slice(0, TOP_MEMBERS)
    return {
      id: c, name: terms.join(' · '), terms, size: vs.length,
      networks: [...new Set(vs.map((v) => networks[v]))].sort(), topMembers: top.map((v) => accountIds[v]),
    }
  }).sort((a, b) => b.size - a.size || a.id - b.id)
}

function shownForm(term: string, written: Map<string, Map<string, number>>): string {
  const forms = written.get(term)
  if (!forms) return term
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]
}
