// A post reduced once to what the query terms look at, so N topics can check it without
// re-tokenising the text N times.
import { fold, foldHandle, hashtagsOfFolded, primaryLanguage, tokensOfFolded } from './fold.ts'

/** What the local matcher needs from a post (a subset of `NormalizedPost` plus its author). */
export interface MatchablePost {
  text: string
  /** Without `#`; from the network's entities or from enrichment. */
  hashtags: string[]
  mentions: { handle: string }[]
  /** ISO 639-1 or a BCP 47 tag such as `en-US`; null when unknown. */
  lang: string | null
  network: string
  authorHandle?: string | null
}

export interface PreparedPost {
  readonly tokens: readonly string[]
  /** Folded token → the indexes where it occurs in `tokens`. */
  readonly positions: ReadonlyMap<string, readonly number[]>
  /** Folded hashtags from the post's list and `#tag` tokens of its text. */
  readonly hashtags: ReadonlySet<string>
  /** Folded handles mentioned plus the author's, without `@` or `u/`. */
  readonly handles: ReadonlySet<string>
  /** The user part of `user@host` handles among `handles`, so `@alice` finds `alice@host`. */
  readonly handleUsers: ReadonlySet<string>
  readonly lang: string | null
  readonly network: string
}

export function preparePost(post: MatchablePost): PreparedPost {
  const foldedText = fold(post.text)
  const tokens = tokensOfFolded(foldedText)
  const positions = new Map<string, number[]>()
  tokens.forEach((token, index) => {
    const list = positions.get(token)
    if (list === undefined) positions.set(token, [index])
    else list.push(index)
  })

  const hashtags = new Set(post.hashtags.map((tag) => fold(tag).replace(/^#/, '')))
  for (const tag of hashtagsOfFolded(foldedText)) hashtags.add(tag)

  const handles = new Set<string>()
  const handleUsers = new Set<string>()
  const candidates = post.mentions.map((mention) => mention.handle)
  if (post.authorHandle) candidates.push(post.authorHandle)
  for (const candidate of candidates) {
    const handle = foldHandle(candidate)
    if (handle === '') continue
    handles.add(handle)
    const at = handle.indexOf('@')
    if (at > 0) handleUsers.add(handle.slice(0, at))
  }

  return {
    tokens,
    positions,
    hashtags,
    handles,
    handleUsers,
    lang: primaryLanguage(post.lang),
    network: post.network.toLowerCase(),
  }
}

/** true when `sequence` occurs as consecutive tokens of the post. */
export function containsSequence(post: PreparedPost, sequence: readonly string[]): boolean {
  const starts = post.positions.get(sequence[0])
  if (starts === undefined) return false
  if (sequence.length === 1) return true
  for (const start of starts) {
    let index = 1
    while (index < sequence.length && post.tokens[start + index] === sequence[index]) index++
    if (index === sequence.length) return true
  }
  return false
}
