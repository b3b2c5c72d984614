// A topic query compiled for the networks Relais collects from, each with its own compiler.
import { COLLECTABLE_NETWORKS, type CollectableNetwork } from '../../platform/shared/network-names.ts'
import type { QueryNode } from '../query/ast.ts'
import { compileWith } from '../query/compile.ts'
import type { CompileOptions, CompiledSearch } from '../query/compiled-search.ts'
import { NETWORK_REGISTRY } from './registry.ts'

export function compileForNetwork(ast: QueryNode, network: CollectableNetwork, options: CompileOptions = {}): CompiledSearch {
  return compileWith(ast, network, NETWORK_REGISTRY[network].compileQuery, options)
}

/** One compiled search per network (all collectable networks unless `networks` says otherwise). */
export function compileForNetworks(
  ast: QueryNode,
  options: CompileOptions = {},
  networks: readonly CollectableNetwork[] = COLLECTABLE_NETWORKS,
): CompiledSearch[] {
  return networks.map((network) => compileForNetwork(ast, network, options))
}
