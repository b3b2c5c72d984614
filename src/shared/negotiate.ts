/**
 * The representation an Accept header prefers among those a route produces (RFC 9110 §12.5.1):
 * the highest q wins, `q=0` refuses a type, and at equal q a named type beats a wildcard, then the
 * first listed wins. No header, or a blank one: `fallback`. null when the header names only types
 * the route cannot produce.
 */
export function negotiate<F extends string>(accept: string | undefined, byMediaType: Readonly<Record<string, F>>, fallback: NoInfer<F>): F | null {
  if (!accept?.trim()) return fallback
  let best: { format: F; q: number; specific: boolean } | null = null
  for (const part of accept.split(',')) {
    const [type, ...parameters] = part.trim().toLowerCase().split(';').map((s) => s.trim())
    const format = Object.hasOwn(byMediaType, type) ? byMediaType[type] : undefined
    if (!format) continue
    const qParameter = parameters.find((p) => p.startsWith('q='))
    const q = qParameter ? Number(qParameter.slice(2)) : 1
    if (!(q > 0)) continue
    const specific = !type.includes('*')
    if (!best || q > best.q || (q === best.q && specific && !best.specific)) best = { format, q, specific }
  }
  return best?.format ?? null
}
