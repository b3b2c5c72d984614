// The fake Bluesky's data and sessions.
import { randomBytes } from 'node:crypto'
import { postUri, type FakeBlueskyActor, type FakeBlueskyFollow, type FakeBlueskyPost, type FakeBlueskyRepost, type FakeBlueskySeed } from './seed.ts'

interface Token {
  did: string
  kind: 'access' | 'refresh'
  expired: boolean
}

export class FakeBlueskyState {
  readonly actors = new Map<string, FakeBlueskyActor>()
  readonly posts = new Map<string, FakeBlueskyPost>()
  readonly reposts: FakeBlueskyRepost[] = []
  readonly follows: FakeBlueskyFollow[] = []
  readonly tokens = new Map<string, Token>()
  /** Bumped on every change to posts, so derived indexes know when to rebuild. */
  version = 0
  /** Counts for tests that check a login happened only when needed. */
  sessionsCreated = 0
  sessionsRefreshed = 0
  /** createSession times per DID, for the login limits; and the logins refused by them. */
  readonly loginTimes = new Map<string, number[]>()
  loginsRefused = 0

  constructor(private readonly seed: FakeBlueskySeed) {
    for (const actor of seed.actors) this.actors.set(actor.did, actor)
    for (const post of seed.posts ?? []) this.addPost(post)
    for (const repost of seed.reposts ?? []) this.reposts.push(repost)
    for (const follow of seed.follows ?? []) this.follows.push(follow)
  }

  addPost(post: FakeBlueskyPost): string {
    if (!this.actors.has(post.authorDid)) throw new Error(`fake: unknown actor ${post.authorDid}`)
    const uri = postUri(post.authorDid, post.rkey)
    this.posts.set(uri, post)
    this.version++
    return uri
  }

  deletePost(uri: string): void {
    const post = this.posts.get(uri)
    if (post) post.deleted = true
    this.version++
  }

  /** An actor by DID or handle. */
  actor(identifier: string): FakeBlueskyActor | undefined {
    return this.actors.get(identifier) ?? [...this.actors.values()].find((actor) => actor.handle === identifier.toLowerCase())
  }

  login(identifier: string, password: string): string | null {
    const login = this.seed.logins?.find(
      (candidate) => (candidate.identifier === identifier || candidate.did === identifier) && candidate.password === password,
    )
    return login?.did ?? null
  }

  issueTokens(did: string): { accessJwt: string; refreshJwt: string } {
    const accessJwt = `access.${randomBytes(9).toString('base64url')}`
    const refreshJwt = `refresh.${randomBytes(9).toString('base64url')}`
    this.tokens.set(accessJwt, { did, kind: 'access', expired: false })
    this.tokens.set(refreshJwt, { did, kind: 'refresh', expired: false })
    return { accessJwt, refreshJwt }
  }

  token(value: string): Token | undefined {
    return this.tokens.get(value)
  }

  /** Every access token issued so far expires (refresh tokens too with `includeRefresh`). */
  expireTokens(includeRefresh = false): void {
    for (const token of this.tokens.values()) if (token.kind === 'access' || includeRefresh) token.expired = true
  }
}
