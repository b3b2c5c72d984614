import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { AccountRecord, FollowRecord, InterchangeRecord, PostRecord } from './records.ts'

// Pages of the export, read by key from the numbered temporary tables of `selectExport`: each page
// is an index range, so the cost per page stays flat however far into the export it is.

export interface Page<T extends InterchangeRecord> { records: T[]; last: number }

export async function accountPage(trx: Transaction<DB>, after: number, limit: number): Promise<Page<AccountRecord>> {
  const { rows } = await sql<{ ord: number; network: string; external_id: string; handle: string; display_name: string | null; followers_count: number | null; following_count: number | null; posts_count: number | null; bio: string | null; verified_links: string[] | null }>`
    select e.ord, a.network, a.external_id, a.handle, a.display_name, a.followers_count, a.following_count, a.posts_count, a.bio, a.verified_links
    from export_accounts e join accounts a on a.id = e.account_id
    where e.ord > ${after} order by e.ord limit ${limit}`.execute(trx)
  return {
    last: rows.length ? Number(rows[rows.length - 1].ord) : after,
    records: rows.map((r) => ({
      type: 'account', network: r.network, id: r.external_id, handle: r.handle, displayName: r.display_name,
      followersCount: r.followers_count, followingCount: r.following_count, postsCount: r.posts_count, bio: r.bio, ...(r.verified_links?.length && { verifiedLinks: r.verified_links }),
    })),
  }
}

export async function postPage(trx: Transaction<DB>, after: number, limit: number): Promise<Page<PostRecord>> {
  const { rows } = await sql<{ ord: number; network: string; external_id: string; author: string | null; created_at: Date; text: string; lang: string | null; url: string | null; reply_to_external_id: string | null; repost_of_external_id: string | null; quote_of_external_id: string | null; likes: number; reposts: number; replies: number }>`
    select e.ord, p.network, p.external_id, author.external_id as author, p.created_at, p.text,
      case when e.lang_given then p.lang end as lang, p.url, p.reply_to_external_id, p.repost_of_external_id, p.quote_of_external_id,
      p.likes, p.reposts, p.replies
    from export_posts e join posts p on p.id = e.post_id left join accounts author on author.id = p.author_id
    where e.ord > ${after} order by e.ord limit ${limit}`.execute(trx)
  return {
    last: rows.length ? Number(rows[rows.length - 1].ord) : after,
    records: rows.map((r) => ({
      type: 'post', network: r.network, id: r.external_id, authorId: r.author, createdAt: new Date(r.created_at), text: r.text, lang: r.lang, url: r.url,
      replyTo: r.reply_to_external_id, repostOf: r.repost_of_external_id, quoteOf: r.quote_of_external_id, likes: r.likes, reposts: r.reposts, replies: r.replies,
    })),
  }
}

export async function followPage(trx: Transaction<DB>, after: number, limit: number): Promise<Page<FollowRecord>> {
  const { rows } = await sql<{ ord: number; network: string; follower: string; followee: string }>`
    select e.ord, f.network, fa.external_id as follower, fb.external_id as followee
    from export_follows e
    join follows f on f.follower_id = e.follower_id and f.followee_id = e.followee_id
    join accounts fa on fa.id = e.follower_id join accounts fb on fb.id = e.followee_id
    where e.ord > ${after} order by e.ord limit ${limit}`.execute(trx)
  return {
    last: rows.length ? Number(rows[rows.length - 1].ord) : after,
    records: rows.map((r) => ({ type: 'follow', network: r.network, followerId: r.follower, followeeId: r.followee })),
  }
}
