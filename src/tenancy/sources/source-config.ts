import { z } from 'zod'
import { NETWORK_DESCRIPTORS } from '../../pipeline/networks/registry.ts'

// What each network's source needs to connect, from the networks' descriptors. `credentials` are
// secrets: write-only through the API, never returned, never logged. `settings` are plain
// connection settings.
type SourceSchema = (typeof NETWORK_DESCRIPTORS)[number]['sourceConfig']
const schemas = NETWORK_DESCRIPTORS.map((d) => d.sourceConfig) as unknown as [SourceSchema, ...SourceSchema[]]

export const sourceConfigSchema = z.discriminatedUnion('network', schemas)

/** The same, with the fields a stored source adds (its name). */
export function sourceConfigWith<Shape extends z.ZodRawShape>(extra: Shape) {
  const extended = schemas.map((s) => s.extend(extra)) as unknown as [SourceSchema, ...SourceSchema[]]
  return z.discriminatedUnion('network', extended) as unknown as z.ZodType<SourceConfig & z.output<z.ZodObject<Shape>>>
}

export type SourceConfig = z.infer<typeof sourceConfigSchema>
