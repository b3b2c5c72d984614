// Fixes the network a query is compiled for: `network:` terms become true or false and fold away.
import type { QueryNode } from './ast.ts'
import { group } from './ast.ts'

/** A query tree, or a constant when the network alone decides it. */
export type Specialised = QueryNode | boolean

function combine(type: 'and' | 'or', parts: Specialised[]): Specialised {
  // In an AND a false operand decides (true is neutral); in an OR it is the other way round.
  const decisive = type === 'or'
  if (parts.some((part) => part === decisive)) return decisive
  const rest = parts.filter((part): part is QueryNode => typeof part !== 'boolean')
  return rest.length === 0 ? !decisive : group(type, rest)
}

export function specialiseForNetwork(node: QueryNode, network: string): Specialised {
  switch (node.type) {
    case 'network':
      return node.name === network.toLowerCase()
    case 'not': {
      const operand = specialiseForNetwork(node.operand, network)
      return typeof operand === 'boolean' ? !operand : { type: 'not', operand }
    }
    case 'and':
    case 'or':
      return combine(
        node.type,
        node.operands.map((operand) => specialiseForNetwork(operand, network)),
      )
    default:
      return node
  }
}

/** The networks among `all` where some post could match (the others compile to no search). */
export function networksOf<Name extends string>(ast: QueryNode, all: readonly Name[]): Name[] {
  return all.filter((network) => specialiseForNetwork(ast, network) !== false)
}
