// Identifier formats of the simulated networks, each reversible so the server can answer a
// request for an id without keeping a map of every id it ever handed out.
import { deriveSeed, Rng } from './rng.ts'

const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567'
const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz'

function randomBase32(rng: Rng, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += BASE32_LOWER[rng.int(32)]
  return out
}

/** `did:plc:` + 24 base32 characters, like real PLC identifiers. */
export function makeDid(seed: number, accountIndex: number): string {
  return `did:plc:${randomBase32(new Rng(deriveSeed(seed, 0xd1d, accountIndex)), 24)}`
}

/** A CIDv1 (dag-cbor, sha-256) look-alike: `bafyrei` + 52 base32 characters. */
export function makeCid(seed: number, kind: number, index: number): string {
  return `bafyrei${randomBase32(new Rng(deriveSeed(seed, 0xc1d, kind, index)), 52)}`
}

/** AT Protocol TID: 53 bits of microseconds + 10 bits of clock id, base32-sortable, 13 chars. */
export function encodeTid(epochMs: number, clockId: number): string {
  let value = (BigInt(Math.round(epochMs)) * 1000n << 10n) | BigInt(clockId & 1023)
  let out = ''
  for (let i = 0; i < 13; i++) {
    out = BASE32_SORTABLE[Number(value & 31n)] + out
    value >>= 5n
  }
  return out
}

/** Milliseconds encoded in a TID, or null when it is not one. */
export function decodeTidMs(tid: string): number | null {
  if (!/^[234567a-j][234567a-z]{12}$/.test(tid)) return null
  let value = 0n
  for (const ch of tid) value = (value << 5n) | BigInt(BASE32_SORTABLE.indexOf(ch))
  return Number((value >> 10n) / 1000n)
}

// Mastodon ids are instance-local snowflakes: milliseconds << 16 | sequence. Sandbox statuses
// have one post per millisecond, so the low 16 bits only carry an instance-specific salt and
// the same post gets a different id on every instance, as on real servers.
function instanceSalt(instanceIndex: number): bigint {
  return BigInt((instanceIndex * 7919 + 4099) & 0xffff)
}

export function statusIdValue(epochMs: number, instanceIndex: number): bigint {
  return (BigInt(epochMs) << 16n) | instanceSalt(instanceIndex)
}

export function mastodonStatusId(epochMs: number, instanceIndex: number): string {
  return statusIdValue(epochMs, instanceIndex).toString()
}

/** A numeric id as a comparable value (for max_id/since_id/min_id); null when not numeric. */
export function parseSnowflake(id: string): bigint | null {
  if (!/^\d{1,25}$/.test(id)) return null
  return BigInt(id)
}

// Account ids: a realistic-looking snowflake base plus index and instance, so each instance
// has its own id for the same person.
const ACCOUNT_ID_BASE = 109_000_000_000_000_000n
const INSTANCE_SLOTS = 64n

export function mastodonAccountId(accountIndex: number, instanceIndex: number): string {
  return (ACCOUNT_ID_BASE + BigInt(accountIndex) * INSTANCE_SLOTS + BigInt(instanceIndex + 1)).toString()
}

/** Account index encoded in an id of the given instance, or null. */
export function parseMastodonAccountId(id: string, instanceIndex: number): number | null {
  if (!/^\d{18,22}$/.test(id)) return null
  const offset = BigInt(id) - ACCOUNT_ID_BASE
  if (offset < 0n || offset % INSTANCE_SLOTS !== BigInt(instanceIndex + 1)) return null
  return Number(offset / INSTANCE_SLOTS)
}

/** Follow relationship ids, used by Mastodon as followers/following cursors. */
export function followRelationshipId(edgeIndex: number): string {
  return String(1_000_000 + edgeIndex)
}

export function parseFollowRelationshipId(id: string): number | null {
  if (!/^\d{1,12}$/.test(id)) return null
  return Number(id) - 1_000_000
}
