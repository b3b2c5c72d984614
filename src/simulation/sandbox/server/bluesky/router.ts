// Routes `/bluesky/{pds,appview}/xrpc/<nsid>`. The PDS wants a session for app.bsky.* (it
// proxies them with the user's auth); the public AppView answers anonymously but refuses to
// page searchPosts without auth, with an HTML page as the real one does.
import { bearerToken, json, type SandboxRequest, type SandboxResponse } from '../http-types.ts'
import type { SandboxView } from '../sandbox-view.ts'
import { followGraph, getProfile, getProfiles, resolveHandle } from './actors.ts'
import { getAuthorFeed, getPosts } from './feeds.ts'
import { searchPosts } from './search-posts.ts'
import { getRepostedBy } from './reposted-by.ts'
import { getPostThread } from './post-thread.ts'
import type { BlueskySessions } from './session.ts'
import { XrpcError } from './xrpc-params.ts'

export type BlueskyHost = 'pds' | 'appview'

const QUERIES: Record<string, (view: SandboxView, query: URLSearchParams, sessions: BlueskySessions) => SandboxResponse> = {
  'app.bsky.feed.searchPosts': (view, query) => searchPosts(view, query),
  'app.bsky.feed.getAuthorFeed': (view, query) => getAuthorFeed(view, query),
  'app.bsky.feed.getPosts': (view, query) => getPosts(view, query),
  'app.bsky.feed.getRepostedBy': (view, query) => getRepostedBy(view, query),
  'app.bsky.feed.getPostThread': (view, query) => getPostThread(view, query),
  'app.bsky.graph.getFollowers': (view, query) => followGraph(view, query, 'followers'),
  'app.bsky.graph.getFollows': (view, query) => followGraph(view, query, 'follows'),
  'app.bsky.actor.getProfile': (view, query) => getProfile(view, query),
  'app.bsky.actor.getProfiles': (view, query) => getProfiles(view, query),
  'com.atproto.identity.resolveHandle': (view, query, sessions) => resolveHandle(view, query, sessions.did),
}

const FORBIDDEN_HTML = '<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1><p>Request forbidden by administrative rules.</p></body></html>'

function requireAccess(sessions: BlueskySessions, request: SandboxRequest): void {
  const token = bearerToken(request)
  if (token === null) throw new XrpcError(401, 'AuthMissing', 'Authentication Required')
  const check = sessions.check(token, 'access')
  if (check === 'expired') throw new XrpcError(400, 'ExpiredToken', 'Token has expired')
  if (check === 'invalid') throw new XrpcError(401, 'InvalidToken', 'Token could not be verified')
}

function procedure(sessions: BlueskySessions, nsid: string, request: SandboxRequest): SandboxResponse {
  if (nsid === 'com.atproto.server.createSession') {
    const body = (request.body ?? {}) as Record<string, unknown>
    if (typeof body.identifier !== 'string' || typeof body.password !== 'string') {
      throw new XrpcError(400, 'InvalidRequest', 'Input must have the properties "identifier" and "password"')
    }
    const session = sessions.create(body.identifier, body.password)
    if (!session) throw new XrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password')
    return json(session)
  }
  const token = bearerToken(request)
  const check = token === null ? 'invalid' : sessions.check(token, 'refresh')
  if (check === 'expired') throw new XrpcError(400, 'ExpiredToken', 'Token has expired')
  if (token === null || check === 'invalid') throw new XrpcError(400, 'InvalidToken', 'Token could not be verified')
  return json(sessions.refresh(token))
}

export function routeBluesky(view: SandboxView, sessions: BlueskySessions, host: BlueskyHost, request: SandboxRequest): SandboxResponse {
  const match = /^\/xrpc\/([a-zA-Z0-9.]+)$/.exec(request.path)
  if (!match) return json({ error: 'InvalidRequest', message: 'Not an XRPC path' }, 404)
  const nsid = match[1]
  try {
    if (nsid === 'com.atproto.server.createSession' || nsid === 'com.atproto.server.refreshSession') {
      if (host !== 'pds') throw new XrpcError(501, 'MethodNotImplemented', 'Method Not Implemented')
      if (request.method !== 'POST') throw new XrpcError(405, 'InvalidRequest', 'Incorrect HTTP method (GET) expected POST')
      return procedure(sessions, nsid, request)
    }
    const handler = QUERIES[nsid]
    if (!handler) throw new XrpcError(501, 'MethodNotImplemented', 'Method Not Implemented')
    if (request.method !== 'GET') throw new XrpcError(405, 'InvalidRequest', `Incorrect HTTP method (${request.method}) expected GET`)
    if (host === 'pds' && nsid.startsWith('app.bsky.')) requireAccess(sessions, request)
    if (host === 'appview' && nsid === 'app.bsky.feed.searchPosts' && request.query.has('cursor')) {
      return { status: 403, body: FORBIDDEN_HTML, contentType: 'text/html' }
    }
    return handler(view, request.query, sessions)
  } catch (error) {
    if (error instanceof XrpcError) return error.toResponse()
    throw error
  }
}
