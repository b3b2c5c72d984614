import { Agent } from 'undici'
import { isIP } from 'node:net'
import { guardedLookup, resolveTarget, systemResolver, UnsafeTargetError, type Resolver } from './resolve-target.ts'

/**
 * What outbound calls to tenant-chosen URLs (sources, webhooks) may reach. Set by the operator
 * only (environment), never by a workspace.
 */
export interface AddressPolicy {
  /** ALLOW_PRIVATE_ADDRESSES: loopback, private and link-local addresses may be reached. */
  allowPrivate: boolean
  /** Sources may use http:// (ALLOW_HTTP_SOURCES); otherwise https only. */
  allowHttpSources: boolean
  /** DNS; tests point names at chosen addresses. */
  resolver: Resolver
}

export const PUBLIC_ONLY: AddressPolicy = Object.freeze({ allowPrivate: false, allowHttpSources: false, resolver: systemResolver })

/** An undici Agent whose sockets connect only to addresses the policy allows (checked at connect time). */
export function guardedAgent(policy: AddressPolicy, options: ConstructorParameters<typeof Agent>[0] = {}): Agent {
  return new Agent({ ...options, connect: { ...(options.connect as object), lookup: guardedLookup(policy.allowPrivate, policy.resolver) as never } })
}

/**
 * The checks a URL passes before anything is sent: scheme, no user or password, and an address
 * written in the URL (sockets skip DNS for those, so the connect-time lookup never sees them).
 */
export async function checkOutboundUrl(url: URL, policy: AddressPolicy, use: 'source' | 'webhook'): Promise<void> {
  const schemes = use === 'webhook' || policy.allowHttpSources ? ['https:', 'http:'] : ['https:']
  if (!schemes.includes(url.protocol)) {
    throw new UnsafeTargetError(`${url.origin} is not an https:// URL; sources use https unless the operator allows http (ALLOW_HTTP_SOURCES=true).`)
  }
  if (url.username || url.password) throw new UnsafeTargetError('A URL with a user name or password is refused: put credentials in the source\'s credentials.')
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(host) || host === 'localhost' || host.endsWith('.localhost')) await resolveTarget(host === 'localhost' || host.endsWith('.localhost') ? '127.0.0.1' : host, policy.allowPrivate, policy.resolver)
}
