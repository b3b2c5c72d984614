// GET /api/v1/statuses/:id/context: the status's ancestors and descendants (the replies under it,
// in thread order) as far as this instance knows their authors; without a signed-in user, as the
// sandbox's requests are, at most 60 descendants and 20 levels deep, as Mastodon answers.
import { json, type SandboxResponse } from '../http-types.ts'
import type { SandboxView } from '../sandbox-view.ts'
import { PostKind } from '../../types.ts'
import { RECORD_NOT_FOUND } from './accounts.ts'
import { statusJson } from './entities.ts'
import { statusById } from './statuses.ts'

const DESCENDANTS_LIMIT = 60
const DESCENDANTS_DEPTH_LIMIT = 20

export function statusContext(view: SandboxView, instance: number, id: string): SandboxResponse {
  const post = statusById(view, instance, id)
  if (post === null) return RECORD_NOT_FOUND
  const { accounts, posts } = view.data
  const known = (p: number) => accounts[posts.author[p]].network === 'mastodon' && view.delivered(instance, p)
  const descendants: number[] = []
  const walk = (parent: number, depth: number) => {
    for (const reply of view.repliesOf(parent)) {
      if (descendants.length >= DESCENDANTS_LIMIT) return
      if (!known(reply)) continue
      descendants.push(reply)
      if (depth + 1 < DESCENDANTS_DEPTH_LIMIT) walk(reply, depth + 1)
    }
  }
  walk(post, 0)
  const ancestors: number[] = []
  for (let at = post; posts.kind[at] === PostKind.reply && known(posts.parent[at]); at = posts.parent[at]) ancestors.unshift(posts.parent[at])
  return json({ ancestors: ancestors.map((p) => statusJson(view, p, instance)), descendants: descendants.map((p) => statusJson(view, p, instance)) })
}
