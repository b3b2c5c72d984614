// Engagement counts. Replies, reposts and quotes are the real number of such posts in the
// sandbox; likes grow with the author's audience (sub-linearly, with noise), since reach is
// what drives them on real networks.
import { deriveSeed, Rng } from './rng.ts'
import { PostKind, type FollowEdges, type PostColumns, type SandboxAccount } from './types.ts'
import { buildAdjacency } from './generate-follows.ts'

export function computeEngagement(seedHash: number, accounts: SandboxAccount[], follows: FollowEdges, posts: PostColumns): void {
  const rng = new Rng(deriveSeed(seedHash, 0xe96a))
  for (let i = 0; i < posts.count; i++) {
    const parent = posts.parent[i]
    if (parent < 0) continue
    const kind = posts.kind[i]
    if (kind === PostKind.reply) posts.replies[parent]++
    else if (kind === PostKind.repost) posts.reposts[parent]++
    else if (kind === PostKind.quote) posts.quotes[parent]++
  }
  for (let i = 0; i < posts.count; i++) {
    if (posts.kind[i] === PostKind.repost) continue
    const author = posts.author[i]
    const followers = follows.in.offsets[author + 1] - follows.in.offsets[author]
    const topical = posts.topic[i] >= 0 ? 1.3 : 1
    const hub = accounts[author].role === 'hub' ? 1.5 : 1
    const expected = 0.08 * Math.pow(followers + 1, 0.85) * topical * hub
    posts.likes[i] = Math.round(expected * Math.exp(0.8 * rng.normal() - 0.32)) + 2 * posts.reposts[i] + posts.replies[i]
  }
}

/** Posts of each account in time order (posts are already sorted by time). */
export function indexPostsByAuthor(accountCount: number, posts: PostColumns): { offsets: Int32Array; posts: Int32Array } {
  const { offsets, edges } = buildAdjacency(accountCount, posts.author.subarray(0, posts.count))
  return { offsets, posts: edges }
}
