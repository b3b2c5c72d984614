import { z } from 'zod'
import { parse, QuerySyntaxError } from '../../pipeline/query/index.ts'
import { compileForNetworks } from '../../pipeline/networks/compile-query.ts'
import type { SearchSpec } from '../../pipeline/query/search-spec.ts'
import { COLLECTABLE_NETWORKS, isCollectableNetwork, networkLabel } from '../../platform/shared/network-names.ts'

export const queryCheckInputSchema = z.strictObject({
  query: z.string().max(2000).describe('The topic query as typed so far.'),
  networks: z.array(z.string().max(32)).max(20).default([]).describe('The topic\'s networks; empty means every collectable network.'),
}).meta({ id: 'QueryToCheck', example: { query: '(#velo OR vélotaf) lang:fr', networks: [] } })

export const queryCheckSchema = z.object({
  valid: z.boolean(),
  error: z.object({ message: z.string(), position: z.number().int().describe('0-based index in the query where the mistake is.') }).nullable(),
  networks: z.array(z.object({
    network: z.string(),
    label: z.string().describe('The network as people name it.'),
    searches: z.array(z.string()).describe('What is asked of the network, one line per search (a hashtag timeline or a search query).'),
    complete: z.boolean().describe('false when part of the query cannot be searched on this network (see note); the local check still applies the whole query.'),
    note: z.string().nullable(),
  })),
}).meta({ id: 'QueryCheck', example: { valid: true, error: null, networks: [{ network: 'mastodon', label: 'Mastodon', searches: ['#velo timeline'], complete: true, note: null }] } })

export type QueryCheck = z.infer<typeof queryCheckSchema>

const describeSpec = (spec: SearchSpec) =>
  spec.kind === 'hashtag' ? `#${spec.tag} timeline` : [spec.q, spec.lang && `lang=${spec.lang}`, spec.tags?.length && `tags=${spec.tags.join(',')}`].filter(Boolean).join(' · ')

/** Whether a topic query parses, and what each network will actually be asked for it. Pure. */
export function checkQuery(query: string, networks: readonly string[]): QueryCheck {
  let ast
  try {
    ast = parse(query)
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { valid: false, error: { message: error.message, position: error.position }, networks: [] }
    throw error
  }
  const chosen = networks.length ? networks.filter(isCollectableNetwork) : COLLECTABLE_NETWORKS
  return {
    valid: true,
    error: null,
    networks: compileForNetworks(ast, {}, chosen).map((c) => ({
      network: c.network, label: networkLabel(c.network), searches: c.specs.map(describeSpec), complete: c.complete, note: c.note ?? null,
    })),
  }
}
