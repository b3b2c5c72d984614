import type { AccountRecord, FollowRecord, InterchangeRecord, PostRecord } from './records.ts'

// The one way records are written: fields in the order of the contract, `type` first, null
// optional fields left out. Export and the test/bench generators share it, so a file written here
// and read back by `parseLine` is the same record, and the same record is always the same bytes.

export function formatRecord(record: InterchangeRecord): string {
  switch (record.type) {
    case 'account': return formatAccount(record)
    case 'post': return formatPost(record)
    case 'follow': return formatFollow(record)
  }
}

function formatAccount(a: AccountRecord): string {
  return JSON.stringify({
    type: 'account',
    network: a.network,
    id: a.id,
    handle: a.handle,
    displayName: a.displayName ?? undefined,
    followersCount: a.followersCount ?? undefined,
    followingCount: a.followingCount ?? undefined,
    postsCount: a.postsCount ?? undefined,
    bio: a.bio ?? undefined,
    verifiedLinks: a.verifiedLinks?.length ? a.verifiedLinks : undefined,
  })
}

function formatPost(p: PostRecord): string {
  return JSON.stringify({
    type: 'post',
    network: p.network,
    id: p.id,
    authorId: p.authorId ?? undefined,
    createdAt: p.createdAt.toISOString(),
    text: p.text,
    lang: p.lang ?? undefined,
    url: p.url ?? undefined,
    replyTo: p.replyTo ?? undefined,
    repostOf: p.repostOf ?? undefined,
    quoteOf: p.quoteOf ?? undefined,
    likes: p.likes,
    reposts: p.reposts,
    replies: p.replies,
  })
}

function formatFollow(f: FollowRecord): string {
  return JSON.stringify({ type: 'follow', network: f.network, followerId: f.followerId, followeeId: f.followeeId })
}
