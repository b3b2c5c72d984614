import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { isIP } from 'node:net'
import { isPublicAddress } from './address-guard.ts'

/** Resolves a host name to every address it has (A and AAAA). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))))

/** A target refused by the address guard: the message says why, for the person who set it. */
export class UnsafeTargetError extends Error {
  override readonly name = 'UnsafeTargetError'
}

export const PRIVATE_ADDRESS_HINT = 'only the operator of this Relais can open private addresses (ALLOW_PRIVATE_ADDRESSES=true)'

/**
 * Every address `hostname` resolves to, refused when any of them is private or loopback (unless
 * allowed): one public answer next to a private one is how DNS rebinding slips through.
 */
export async function resolveTarget(hostname: string, allowPrivate: boolean, resolver: Resolver): Promise<LookupAddress[]> {
  const bare = hostname.replace(/^\[|\]$/g, '')
  const family = isIP(bare)
  let addresses: LookupAddress[]
  if (family) addresses = [{ address: bare, family }]
  else {
    try {
      addresses = await resolver(bare)
    } catch (error) {
      throw new UnsafeTargetError(`The host ${bare} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
    }
  }
  if (addresses.length === 0) throw new UnsafeTargetError(`The host ${bare} has no address.`)
  const unsafe = addresses.filter((a) => !isPublicAddress(a.address))
  if (unsafe.length && !allowPrivate) {
    throw new UnsafeTargetError(`${bare} resolves to a private, loopback or link-local address (${unsafe.map((a) => a.address).join(', ')}); ${PRIVATE_ADDRESS_HINT}.`)
  }
  return addresses
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void

/**
 * A `lookup` for the socket that connects, checking what it resolves at that moment: the check
 * and the connection use the same answer, so a name cannot switch to a private address between
 * the two.
 */
export function guardedLookup(allowPrivate: boolean, resolver: Resolver) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolveTarget(hostname, allowPrivate, resolver).then(
      (addresses) => (options.all ? callback(null, addresses) : callback(null, addresses[0].address, addresses[0].family)),
      (error: Error) => callback(error, options.all ? [] : ''),
    )
  }
}

/** The UnsafeTargetError somewhere in an error's cause chain (undici wraps what lookup threw). */
export function unsafeTargetIn(error: unknown): UnsafeTargetError | null {
  let current: unknown = error
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    if (current instanceof UnsafeTargetError) return current
    current = (current as { cause?: unknown }).cause
  }
  return null
}
