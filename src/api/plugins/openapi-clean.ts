import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'

// zod writes into JSON Schema what it checks, including what only matters to JavaScript: every
// `.int()` carries the safe-integer bounds, and every ISO date-time the regular expression that
// checks it. Neither tells a client anything the type or format does not, so they are left out
// of the document (validation itself is unchanged: the route still checks with zod).

const SAFE_BOUND = Number.MAX_SAFE_INTEGER

/** A JSON Schema (or any part of one) without those artefacts; the input is not modified. */
export function withoutZodArtefacts<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutZodArtefacts) as T
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) out[key] = withoutZodArtefacts(value)
  if (out.minimum === -SAFE_BOUND) delete out.minimum
  if (out.maximum === SAFE_BOUND) delete out.maximum
  if ((out.format === 'date-time' || out.format === 'date') && typeof out.pattern === 'string') delete out.pattern
  return out as T
}

type Transform = typeof jsonSchemaTransform
type TransformObject = typeof jsonSchemaTransformObject

/** The routes' schemas, as fastify-type-provider-zod converts them, cleaned. */
export const cleanSchemaTransform: Transform = (input) => {
  const { schema, url } = jsonSchemaTransform(input)
  return { schema: withoutZodArtefacts(schema), url }
}

/** The shared `components/schemas`, cleaned the same way. */
export const cleanTransformObject: TransformObject = (input) => withoutZodArtefacts(jsonSchemaTransformObject(input))
