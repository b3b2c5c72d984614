// What compiling a query for one network gives, and the steps every network compiler shares.
import type { SearchSpec } from './search-spec.ts'
import { networkLabel, type CollectableNetwork } from '../../platform/shared/network-names.ts'
import type { Literal, Nnf } from './normal-forms.ts'
import { literalKey, rewriteLiterals } from './normal-forms.ts'
import { printTerm } from './print.ts'
import { isContentNode } from './ast.ts'

export interface CompiledSearch {
  network: CollectableNetwork
  /**
   * Searches whose union is meant to contain every post the query accepts on this network. Empty
   * (with `complete: true`) when the query's network: terms exclude the network.
   */
  specs: SearchSpec[]
  /**
   * false when part of the query cannot be searched on this network at all (the posts it would
   * accept are not all collected); `note` says which part and why.
   */
  complete: boolean
  note?: string
}

export interface CompileOptions {
  /** Mastodon full-text search needs a user token; without it only hashtag timelines are used. */
  mastodonSearch?: boolean
  /** Add `-is:retweet` to X searches (off by default: reposts are interactions scoring uses). */
  xExcludeRetweets?: boolean
  /** Upper bound on searches per network (each one costs requests on every run). Default 20. */
  maxSpecs?: number
}

export const DEFAULT_MAX_SPECS = 20

export function printLiteral(lit: Literal): string {
  return `${lit.negated ? '-' : ''}${printTerm(lit.term)}`
}

/**
 * Handles the literals a network cannot search. An exclusion or a filter it cannot write becomes
 * `true` (a broader search). A positive term it cannot write is kept: the compiler leaves it out
 * of a conjunction that has something else to look for, and reports the alternatives that have
 * nothing else as not collected. Either way it is listed for the note.
 */
export function dropUnsupported(
  node: Nnf,
  supported: (lit: Literal) => boolean,
): { node: Nnf | boolean; dropped: Literal[] } {
  const dropped = new Map<string, Literal>()
  const rewritten = rewriteLiterals(node, (lit) => {
    if (supported(lit)) return { kind: 'lit', lit }
    dropped.set(literalKey(lit), lit)
    return !lit.negated && isContentNode(lit.term) ? { kind: 'lit', lit } : true
  })
  return { node: rewritten, dropped: [...dropped.values()] }
}

export function droppedNote(network: CollectableNetwork, dropped: Literal[]): string[] {
  if (dropped.length === 0) return []
  const list = dropped.map(printLiteral).join(', ')
  return [`${networkLabel(network)} search cannot express ${list}; where it is left out the search is broader and the local check applies the full query.`]
}

export function nothingToSearchNote(network: CollectableNetwork): string {
  return `${networkLabel(network)} search cannot express any part of this query that says what to look for, so nothing is collected there.`
}

/** Keeps at most `max` searches; the rest would not be collected, which the caller must report. */
export function capSpecs(specs: SearchSpec[], max: number, network: CollectableNetwork): { specs: SearchSpec[]; notes: string[] } {
  if (specs.length <= max) return { specs, notes: [] }
  return {
    specs: specs.slice(0, max),
    notes: [`The query needs ${specs.length} ${networkLabel(network)} searches; only the first ${max} are run. Simplify the ORs to collect everything.`],
  }
}
