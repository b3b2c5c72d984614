// A topic must say what to look for. A query made only of exclusions and filters (-spam, lang:fr)
// would match almost every post of a network, and no network search can be built from it.
import type { QueryNode } from './ast.ts'
import { isContentNode } from './ast.ts'

/**
 * true when every post the query accepts must contain at least one word, phrase, hashtag or
 * handle that the query asks for. `positive` is false under an odd number of negations.
 */
export function isAnchored(node: QueryNode, positive = true): boolean {
  switch (node.type) {
    case 'not':
      return isAnchored(node.operand, !positive)
    case 'and':
      return positive
        ? node.operands.some((operand) => isAnchored(operand, true))
        : node.operands.every((operand) => isAnchored(operand, false))
    case 'or':
      return positive
        ? node.operands.every((operand) => isAnchored(operand, true))
        : node.operands.some((operand) => isAnchored(operand, false))
    default:
      return isContentNode(node) && positive
  }
}

/** The smallest part of the query that lacks something to look for (for the error message). */
export function findUnanchoredPart(node: QueryNode, positive = true): QueryNode | null {
  if (isAnchored(node, positive)) return null
  if (node.type === 'not') {
    const inner = findUnanchoredPart(node.operand, !positive)
    return inner === null || inner === node.operand ? node : inner
  }
  // A disjunction (an OR, or a negated AND) fails through one of its alternatives: point at it.
  const disjunction = (node.type === 'or' && positive) || (node.type === 'and' && !positive)
  if (disjunction) {
    for (const operand of node.operands) {
      if (!isAnchored(operand, positive)) return positive ? operand : { type: 'not', operand }
    }
  }
  return node
}
