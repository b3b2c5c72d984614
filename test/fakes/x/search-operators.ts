// The part of X's search syntax the fake understands: words, `#tag`, `@user` (the post names the
// user), `to:user` (a reply to the user), `from:user`, `-` before a term to exclude it, and
// alternatives joined by `OR`, optionally in one pair of parentheses. Other operators are ignored.
import type { XSeedTweet, XSeedUser } from './seed.ts'

export interface SearchContext { text: string; tweet: XSeedTweet; usernameOf(id: string): string | undefined }

export function matchesSearch(query: string, context: SearchContext): boolean {
  return alternativesMatch(query.toLowerCase().match(/-?\([^)]*\)|\S+/g) ?? [], context)
}

/** Terms joined by AND, alternatives by `or`: any alternative whose every term holds. */
function alternativesMatch(tokens: string[], context: SearchContext): boolean {
  const alternatives: string[][] = [[]]
  for (const token of tokens) {
    if (token === 'or') alternatives.push([])
    else alternatives[alternatives.length - 1].push(token)
  }
  return alternatives.some((terms) => terms.every((token) => {
    const negated = token.startsWith('-')
    const bare = negated ? token.slice(1) : token
    const hit = bare.startsWith('(') ? alternativesMatch(bare.slice(1, -1).split(/\s+/).filter(Boolean), context) : termMatches(bare, context)
    // An operator the fake does not model holds either way.
    return hit === null ? true : negated ? !hit : hit
  }))
}

function termMatches(term: string, { text, tweet, usernameOf }: SearchContext): boolean | null {
  if (term.startsWith('to:')) return tweet.replyTo !== undefined && usernameOf(tweet.replyTo.userId) === term.slice(3)
  if (term.startsWith('from:')) return usernameOf(tweet.authorId) === term.slice(5)
  if (term.includes(':')) return null
  if (term.startsWith('#') || term.startsWith('@')) return new RegExp(`${escape(term)}(?![\\p{L}\\p{N}_])`, 'u').test(text)
  return text.includes(term)
}

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function usernames(users: readonly XSeedUser[]): (id: string) => string | undefined {
  const byId = new Map(users.map((u) => [u.id, u.username.toLowerCase()]))
  return (id) => byId.get(id)
}
