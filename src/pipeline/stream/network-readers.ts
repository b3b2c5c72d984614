// The live reader of each network that streams: the worker picks a source's reader by its network.
import { jetstreamInstances } from '../networks/bluesky/jetstream-settings.ts'
import { NO_SECRETS, type SecretBox } from '../../platform/secrets/secret-box.ts'
import { readSource, type SourceReaderDeps } from './read-source.ts'
import type { Lease } from './stream-lease.ts'
import { readMastodonSource } from './mastodon/read-mastodon-source.ts'

export interface StreamingSourceRow {
  base_url: string | null
  settings: Record<string, string>
  /** Sealed, as stored. */
  credentials: Record<string, string>
}

export type NetworkReader = (deps: SourceReaderDeps & { secrets?: SecretBox }, lease: Lease, source: StreamingSourceRow, signal: AbortSignal) => Promise<void>

export const NETWORK_READERS: Readonly<Record<string, NetworkReader>> = Object.freeze({
  bluesky: (deps, lease, source, signal) => readSource(deps, lease, jetstreamInstances(source.settings), signal),
  mastodon: (deps, lease, source, signal) => readMastodonSource({ ...deps, secrets: deps.secrets ?? NO_SECRETS }, lease, source, signal),
})

export const STREAMING_NETWORKS = Object.keys(NETWORK_READERS)
