// Every network Relais collects from, one line each. A name in src/platform/shared/network-names.ts
// without its line here, or a descriptor missing one of its parts, does not compile.
import type { CollectableNetwork } from '../../platform/shared/network-names.ts'
import { blueskyNetwork } from './bluesky/descriptor.ts'
import type { NetworkDescriptor } from './descriptor.ts'
import { mastodonNetwork } from './mastodon/descriptor.ts'
import { redditNetwork } from './reddit/descriptor.ts'
import { xNetwork } from './x/descriptor.ts'

export const NETWORK_REGISTRY: { readonly [N in CollectableNetwork]: NetworkDescriptor<N> } = {
  mastodon: mastodonNetwork,
  bluesky: blueskyNetwork,
  reddit: redditNetwork,
  x: xNetwork,
}

/** The descriptors, in the order networks are listed to people. */
export const NETWORK_DESCRIPTORS: readonly NetworkDescriptor[] = Object.values(NETWORK_REGISTRY)
