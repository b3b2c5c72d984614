// What a network brings to Relais: every part is required, so a network registered without one of
// them does not compile. Each network folder exports one descriptor; registry.ts lists them.
import type { z } from 'zod'
import type { CollectableNetwork } from '../../platform/shared/network-names.ts'
import type { CompileOptions, CompiledSearch } from '../query/compiled-search.ts'
import type { Nnf } from '../query/normal-forms.ts'
import type { Connector, ConnectorCapabilities } from './connector.ts'
import type { HttpClientOptions } from './http.ts'
import type { SessionStore } from './session-store.ts'
import type { RateLimitHeaderScheme } from './http/rate-limit-headers.ts'

/** HTTP settings the application applies to every connector it builds (policy, budget, pacing). */
export type ConnectorTuning = Pick<HttpClientOptions, 'timeoutMs' | 'maxRetries' | 'maxWaitMs' | 'sleep' | 'addressPolicy' | 'budget'> & {
  /** Where a network with logins (Bluesky, Reddit) keeps its session between runs and processes. */
  sessionStore?: SessionStore
}

/** A stored source's connection: the network, its base URL, settings and (decrypted) credentials. */
export interface SourceConfigShape<N extends CollectableNetwork = CollectableNetwork> {
  network: N
  baseUrl?: string
  settings: Record<string, string | undefined>
  credentials: Record<string, string | undefined>
}

export interface NetworkDescriptor<N extends CollectableNetwork = CollectableNetwork, C extends SourceConfigShape<N> = SourceConfigShape<N>> {
  /** Its name; the name people know it by is in src/platform/shared/network-names.ts. */
  name: N
  /** What a source of this network needs to connect (credentials are secrets, settings are not). */
  sourceConfig: z.ZodObject<z.ZodRawShape> & z.ZodType<C>
  /** The connector a valid source configuration describes. */
  createConnector(config: C, tuning: ConnectorTuning): Connector
  /** How the network's responses say what is left of its rate-limit window. */
  rateLimitHeaders: RateLimitHeaderScheme
  /** The topic query, already specialised for the network and in negation normal form, as its searches. */
  compileQuery(nnf: Nnf, options: CompileOptions): CompiledSearch
  /** What the network offers (a follower graph, author timelines, search). */
  capabilities: ConnectorCapabilities
}
