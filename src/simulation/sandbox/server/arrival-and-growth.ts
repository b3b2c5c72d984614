// Two things real networks do after a post is written, modelled from the sandbox clock:
// - engagement grows: a post's counts as served are what has happened by now (the replies,
//   boosts and quotes already written, and the likes grown towards the post's final number),
//   not its final numbers from the start, so a collector that reads counts once keeps the
//   first, low ones;
// - late federation: a share of the posts reach other Mastodon instances late (a delivery
//   retried after the sending or receiving server was unavailable). They keep the id their
//   creation time gives them on that instance (Mastodon makes status ids from the creation date,
//   mastodon#5260), so when they arrive they sort among posts a walk has already passed.
import { deriveSeed } from '../rng.ts'
import type { SandboxData } from '../types.ts'

/** Likes come in over the first hours: by 3 h about 63 % of a post's final likes, by 12 h 98 %. */
export const LIKES_GROWTH_HOURS = 3

/** One remote post in ten reaches a given instance late. */
export const LATE_DELIVERY_SHARE = 0.1
/** A late delivery lands 20 to 100 minutes after the post was written (Mastodon's first retries). */
export const LATE_DELIVERY_MIN_MS = 20 * 60_000
export const LATE_DELIVERY_SPREAD_MS = 80 * 60_000

const HOUR_MS = 3_600_000

/** How long after it was written a post reaches `instance`: 0 for most, 20–100 minutes for the late ones. */
export function deliveryDelayMs(data: SandboxData, post: number, instance: number): number {
  const h = deriveSeed(data.seedHash, 0xde1a, post, instance)
  if ((h & 0xffff) / 0x10000 >= LATE_DELIVERY_SHARE) return 0
  return LATE_DELIVERY_MIN_MS + Math.floor(((h >>> 16) / 0x10000) * LATE_DELIVERY_SPREAD_MS)
}

export interface CountsNow { likes: number; reposts: number; replies: number; quotes: number }

/**
 * A post's counts at `nowMs`: the replies, reposts and quotes that exist by now, and the likes
 * not owed to them (the generator gives each repost two likes and each reply one) grown by age.
 */
export function countsAt(data: SandboxData, post: number, nowMs: number, children: { reposts: number; replies: number; quotes: number }): CountsNow {
  const posts = data.posts
  const base = Math.max(0, posts.likes[post] - 2 * posts.reposts[post] - posts.replies[post])
  const ageHours = Math.max(0, nowMs - posts.createdAt[post]) / HOUR_MS
  const grown = Math.round(base * (1 - Math.exp(-ageHours / LIKES_GROWTH_HOURS)))
  return { likes: grown + 2 * children.reposts + children.replies, ...children }
}
