import { BlockList, isIP } from 'node:net'

// Addresses sources and webhooks must not reach unless the operator allows it
// (ALLOW_PRIVATE_ADDRESSES): loopback, private, link-local (cloud metadata lives at
// 169.254.169.254), shared, multicast, reserved, and their IPv6 counterparts. IPv4 carried inside
// IPv6 (::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as the IPv4 it reaches.
const blocked = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4')
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64], ['2001::', 23],
  // Local-use NAT64 (RFC 8215): what it translates to is the operator's choice, never public.
  ['64:ff9b:1::', 48],
] as const) blocked.addSubnet(net, bits, 'ipv6')

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 included), or null. */
function groups(address: string): number[] | null {
  let text = address.toLowerCase()
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number)
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  if (tail === null ? missing !== 0 : missing < 1) return null
  const all = [...left, ...Array<string>(tail === null ? 0 : missing).fill('0'), ...right].map((g) => parseInt(g, 16))
  return all.length === 8 && all.every((g) => g >= 0 && g <= 0xffff) ? all : null
}

const v4 = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64 or 6to4), or null. */
export function embeddedIpv4(address: string): string | null {
  const g = groups(address)
  if (!g) return null
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0)
  if (zeros(0, 5) && g[5] === 0xffff) return v4(g[6], g[7]) // ::ffff:a.b.c.d
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6], g[7]) // ::ffff:0:a.b.c.d
  if (zeros(0, 6) && (g[6] !== 0 || g[7] > 1)) return v4(g[6], g[7]) // ::a.b.c.d (deprecated compatible)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4(g[6], g[7]) // NAT64 well-known prefix
  if (g[0] === 0x2002) return v4(g[1], g[2]) // 6to4
  return null
}

/** true for an address on the public internet; false for private, loopback, link-local and the like. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 4) return !blocked.check(bare, 'ipv4')
  if (family === 6) {
    const inner = embeddedIpv4(bare)
    if (inner !== null) return !blocked.check(inner, 'ipv4')
    return !blocked.check(bare, 'ipv6')
  }
  return false
}
