// Compiles a topic query to each network's searches: specialise for the network, negation normal
// form, then the network's own syntax. Every compiler errs on the broad side.
import type { CollectableNetwork } from '../networks/model.ts'
import { COLLECTABLE_NETWORKS } from '../networks/model.ts'
import type { QueryNode } from './ast.ts'
import type { CompileOptions, CompiledSearch } from './compiled-search.ts'
import { NETWORK_LABEL, nothingToSearchNote } from './compiled-search.ts'
import { compileBluesky } from './compile-bluesky.ts'
import { compileMastodon } from './compile-mastodon.ts'
import { compileReddit } from './compile-reddit.ts'
import { compileX } from './compile-x.ts'
import { toNnf } from './normal-forms.ts'
import { specialiseForNetwork } from './specialise.ts'

const COMPILERS = {
  mastodon: compileMastodon,
  bluesky: compileBluesky,
  reddit: compileReddit,
  x: compileX,
} satisfies Record<CollectableNetwork, unknown>

export function compileForNetwork(ast: QueryNode, network: CollectableNetwork, options: CompileOptions = {}): CompiledSearch {
  const specialised = specialiseForNetwork(ast, network)
  if (specialised === false) {
    return { network, specs: [], complete: true, note: `The query's network: terms leave ${NETWORK_LABEL[network]} out.` }
  }
  if (specialised === true) return { network, specs: [], complete: false, note: nothingToSearchNote(network) }
  return COMPILERS[network](toNnf(specialised), options)
}

/** One compiled search per network (all collectable networks unless `networks` says otherwise). */
export function compileForNetworks(
  ast: QueryNode,
  options: CompileOptions = {},
  networks: readonly CollectableNetwork[] = COLLECTABLE_NETWORKS,
): CompiledSearch[] {
  return networks.map((network) => compileForNetwork(ast, network, options))
}
