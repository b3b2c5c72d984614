// What a bare (unquoted) word of a query means: #hashtag, @handle, lang:, network: or a plain word.
import type { TermNode } from './ast.ts'
import { QuerySyntaxError } from './errors.ts'
import { foldedTokens } from './fold.ts'
import { ISO_639_1_CODES } from './iso-639-1.ts'
import { COLLECTABLE_NETWORKS, NETWORK_NAME_PATTERN } from '../../platform/shared/network-names.ts'

export const HASHTAG_PATTERN = /^[\p{L}\p{M}\p{N}_]+$/u
/** `name`, `name.with-dots`, optionally `@host.example`: Mastodon, Bluesky, X and Reddit handles. */
export const HANDLE_PATTERN =
  /^[\p{L}\p{N}_](?:[\p{L}\p{M}\p{N}_.-]*[\p{L}\p{M}\p{N}_])?(?:@[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}.-]*[\p{L}\p{M}\p{N}])?)?$/u
const FILTER_PREFIX = /^([A-Za-z]+):(.*)$/su
const OPERATOR_LOOKALIKES: Record<string, string> = { '&&': 'AND', '&': 'AND', '||': 'OR', '|': 'OR', '!': 'NOT' }

function fail(message: string, pos: number): never {
  throw new QuerySyntaxError(message, pos)
}

function hashtag(raw: string, pos: number): TermNode {
  const tag = raw.slice(1).normalize('NFC')
  if (tag === '') fail(`Expected a hashtag name after '#' at position ${pos}`, pos)
  if (!HASHTAG_PATTERN.test(tag)) {
    fail(`The hashtag '${raw}' at position ${pos} may contain only letters, digits and underscores`, pos)
  }
  return { type: 'hashtag', tag }
}

function mention(raw: string, pos: number): TermNode {
  const handle = raw.slice(1).normalize('NFC')
  if (handle === '') fail(`Expected a handle after '@' at position ${pos}`, pos)
  if (!HANDLE_PATTERN.test(handle)) {
    fail(`'${raw}' at position ${pos} is not a handle: use @name, @name.domain or @name@server`, pos)
  }
  return { type: 'mention', handle }
}

function filter(name: string, value: string, raw: string, pos: number): TermNode | null {
  const lowerName = name.toLowerCase()
  if (lowerName === 'lang') {
    const code = value.toLowerCase()
    if (!ISO_639_1_CODES.has(code)) {
      fail(`lang: expects a two-letter ISO 639-1 language code such as lang:fr ('${raw}' at position ${pos})`, pos)
    }
    return { type: 'lang', code }
  }
  if (lowerName === 'network') {
    const networkName = value.toLowerCase()
    if (!NETWORK_NAME_PATTERN.test(networkName) && !(COLLECTABLE_NETWORKS as readonly string[]).includes(networkName)) {
      fail(`network: expects a network name such as network:mastodon, network:bluesky, network:reddit or network:x ('${raw}' at position ${pos})`, pos)
    }
    return { type: 'network', name: networkName }
  }
  // Addresses (https://…) are words; anything else shaped like a filter is most likely a filter
  // from another tool (from:, site:) that would otherwise be searched as plain words.
  if (value.startsWith('//')) return null
  return fail(
    `Unknown filter '${name}:' at position ${pos}: the filters are lang: and network:. Put the text in quotes to search for it as words`,
    pos,
  )
}

/** Classifies one run of non-space characters that is not AND/OR/NOT. */
export function classifyBareWord(raw: string, pos: number): TermNode {
  const lookalike = OPERATOR_LOOKALIKES[raw]
  if (lookalike !== undefined) fail(`Use ${lookalike} instead of '${raw}' at position ${pos}`, pos)
  if (raw.startsWith('#')) return hashtag(raw, pos)
  if (raw.startsWith('@')) return mention(raw, pos)
  const prefixed = FILTER_PREFIX.exec(raw)
  if (prefixed !== null) {
    const term = filter(prefixed[1], prefixed[2], raw, pos)
    if (term !== null) return term
  }
  const value = raw.normalize('NFC')
  if (foldedTokens(value).length === 0) fail(`'${raw}' at position ${pos} has no letters or digits to search for`, pos)
  return { type: 'word', value }
}
