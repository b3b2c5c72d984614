// Compiles a topic query to one network's searches: specialise for the network, negation normal
// form, then the network's own syntax (its compiler, named by its descriptor in the registry).
// Every compiler errs on the broad side.
import { networkLabel, type CollectableNetwork } from '../../platform/shared/network-names.ts'
import type { QueryNode } from './ast.ts'
import type { CompileOptions, CompiledSearch } from './compiled-search.ts'
import { nothingToSearchNote } from './compiled-search.ts'
import type { Nnf } from './normal-forms.ts'
import { toNnf } from './normal-forms.ts'
import { specialiseForNetwork } from './specialise.ts'

export type NetworkCompiler = (nnf: Nnf, options: CompileOptions) => CompiledSearch

export function compileWith(ast: QueryNode, network: CollectableNetwork, compiler: NetworkCompiler, options: CompileOptions = {}): CompiledSearch {
  const specialised = specialiseForNetwork(ast, network)
  if (specialised === false) {
    return { network, specs: [], complete: true, note: `The query's network: terms leave ${networkLabel(network)} out.` }
  }
  if (specialised === true) return { network, specs: [], complete: false, note: nothingToSearchNote(network) }
  return compiler(toNnf(specialised), options)
}
