// Canonical text of a query tree: parse(print(tree)) gives the tree back, and printing is stable.
import type { QueryNode, TermNode } from './ast.ts'

/** The text of a single term, as the user would type it. */
export function printTerm(node: TermNode): string {
  switch (node.type) {
    case 'word':
      return node.value
    case 'phrase':
      return `"${node.value}"`
    case 'hashtag':
      return `#${node.tag}`
    case 'mention':
      return `@${node.handle}`
    case 'lang':
      return `lang:${node.code}`
    case 'network':
      return `network:${node.name}`
  }
}

function printNegation(operand: QueryNode): string {
  switch (operand.type) {
    case 'and':
    case 'or':
      return `NOT (${print(operand)})`
    case 'not':
      return `NOT ${print(operand)}`
    default:
      // The short form reads like every search box: -spam, -"buy now".
      return `-${printTerm(operand)}`
  }
}

/** Precedence is NOT > AND > OR, so only an OR inside an AND needs parentheses. */
export function print(node: QueryNode): string {
  switch (node.type) {
    case 'not':
      return printNegation(node.operand)
    case 'and':
      return node.operands
        .map((operand) => (operand.type === 'or' || operand.type === 'and' ? `(${print(operand)})` : print(operand)))
        .join(' ')
    case 'or':
      return node.operands.map((operand) => (operand.type === 'or' ? `(${print(operand)})` : print(operand))).join(' OR ')
    default:
      return printTerm(node)
  }
}
