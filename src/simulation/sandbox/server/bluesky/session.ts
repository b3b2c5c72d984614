// PDS sessions: createSession with the sandbox app password, refreshSession, and bearer checks.
// Tokens look like JWTs (clients may decode `exp`) and expire on the wall clock.
import { randomBytes } from 'node:crypto'
import { makeDid } from '../../ids.ts'

export const BLUESKY_SANDBOX_IDENTIFIER = 'sandbox.bsky.sandbox.example'
export const BLUESKY_SANDBOX_PASSWORD = 'sandbox-app-password'

interface IssuedToken {
  kind: 'access' | 'refresh'
  expiresAtMs: number
}

export type TokenCheck = 'valid' | 'expired' | 'invalid'

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export class BlueskySessions {
  private readonly tokens = new Map<string, IssuedToken>()
  readonly did: string

  constructor(seedHash: number, private readonly accessTtlSeconds: number, private readonly refreshTtlSeconds = 90 * 86_400) {
    this.did = makeDid(seedHash, 0xfffff)
  }

  private issue(kind: 'access' | 'refresh', ttlSeconds: number): string {
    const iat = Math.floor(Date.now() / 1000)
    const header = { typ: kind === 'access' ? 'at+jwt' : 'refresh+jwt', alg: 'ES256K' }
    const payload = {
      scope: kind === 'access' ? 'com.atproto.appPass' : 'com.atproto.refresh',
      sub: this.did,
      aud: 'did:web:pds.sandbox.example',
      iat,
      exp: iat + ttlSeconds,
      jti: randomBytes(12).toString('base64url'),
    }
    const token = `${base64url(header)}.${base64url(payload)}.${randomBytes(32).toString('base64url')}`
    this.tokens.set(token, { kind, expiresAtMs: Date.now() + ttlSeconds * 1000 })
    return token
  }

  private pair(): Record<string, unknown> {
    return {
      did: this.did,
      handle: BLUESKY_SANDBOX_IDENTIFIER,
      accessJwt: this.issue('access', this.accessTtlSeconds),
      refreshJwt: this.issue('refresh', this.refreshTtlSeconds),
      active: true,
    }
  }

  /** A new session, or null when the credentials are not the sandbox's. */
  create(identifier: string, password: string): Record<string, unknown> | null {
    const known = identifier.toLowerCase() === BLUESKY_SANDBOX_IDENTIFIER || identifier === this.did
    return known && password === BLUESKY_SANDBOX_PASSWORD ? this.pair() : null
  }

  check(token: string, kind: 'access' | 'refresh'): TokenCheck {
    const issued = this.tokens.get(token)
    if (!issued || issued.kind !== kind) return 'invalid'
    return Date.now() >= issued.expiresAtMs ? 'expired' : 'valid'
  }

  /** Rotates a valid refresh token into a new pair (the old refresh token stops working). */
  refresh(refreshToken: string): Record<string, unknown> {
    this.tokens.delete(refreshToken)
    return this.pair()
  }
}
