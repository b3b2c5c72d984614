// Fetching one page of a mention walk, for the two kinds of Mastodon search:
// - a hashtag timeline, paged by the `Link: rel="next"` URL, newest first, without `since_id`: the
//   walk goes on behind the previous run's newest status by an overlap (see mention-walk.ts), since
//   a status received late sorts among older ids;
// - full-text search (needs a token), paged by `offset`, ordered newest first by the server.
import { ConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import type { SearchSpec } from '../../query/search-spec.ts'
import type { MastodonCheckpoint } from './checkpoint.ts'
import { linkWithRel } from './link-header.ts'
import { mastodonSearchSchema, mastodonStatusListSchema, type MastodonStatus } from './schemas.ts'

/** The most statuses Mastodon returns per page (twice its default of 20). */
export const STATUSES_PAGE_LIMIT = 40

export interface MentionPage {
  statuses: MastodonStatus[]
  /** Where the walk continues; both null when the server says this was the last page. */
  nextUrl: string | null
  nextOffset: number | null
}

/**
 * Path and query of a pagination URL relative to the base URL, so a Link naming another host of
 * the same instance still works. The base's own path prefix (an instance served under `/social`)
 * is taken off: the HTTP client puts it back.
 */
export function pathOf(url: string, base: string): string {
  const parsed = new URL(url, base)
  const prefix = new URL(base).pathname.replace(/\/+$/, '')
  const path = prefix !== '' && parsed.pathname.startsWith(`${prefix}/`) ? parsed.pathname.slice(prefix.length) : parsed.pathname
  return path + parsed.search
}

async function hashtagPage(http: HttpClient, baseUrl: string, tag: string, checkpoint: MastodonCheckpoint, signal?: AbortSignal): Promise<MentionPage> {
  const path = `/api/v1/timelines/tag/${encodeURIComponent(tag.replace(/^#/, ''))}`
  const response =
    checkpoint.nextUrl === null
      ? await http.getJson(path, { limit: STATUSES_PAGE_LIMIT }, mastodonStatusListSchema, { signal })
      : await http.getJson(checkpoint.nextUrl, {}, mastodonStatusListSchema, { signal })
  const statuses = response.body
  const link = linkWithRel(response.headers.get('link'), 'next')
  const last = statuses.at(-1)
  // No Link on an empty page is the end; a server that omits Link otherwise is paged by max_id.
  const nextUrl =
    link !== null && statuses.length > 0
      ? pathOf(link, baseUrl)
      : last === undefined
        ? null
        : `${path}?limit=${STATUSES_PAGE_LIMIT}&max_id=${encodeURIComponent(last.id)}`
  return { statuses, nextUrl, nextOffset: null }
}

async function searchPage(http: HttpClient, q: string, checkpoint: MastodonCheckpoint, signal?: AbortSignal): Promise<MentionPage> {
  const offset = checkpoint.nextOffset ?? 0
  const { body } = await http.getJson(
    '/api/v2/search',
    { q, type: 'statuses', limit: STATUSES_PAGE_LIMIT, offset: offset > 0 ? offset : undefined },
    mastodonSearchSchema,
    { signal },
  )
  // Mastodon filters results after applying limit/offset, so a short page is not the end;
  // only an empty one is.
  return { statuses: body.statuses, nextUrl: null, nextOffset: body.statuses.length === 0 ? null : offset + STATUSES_PAGE_LIMIT }
}

/** Full-text search needs a token: said before anything is sent to the instance. */
export function requireSearchToken(spec: SearchSpec, hasToken: boolean): void {
  if (spec.kind !== 'hashtag' && !hasToken) {
    throw new ConnectorError('mastodon', 'config', 'Mastodon full-text search needs an access token; hashtag queries work without one')
  }
}

export function fetchMentionPage(
  http: HttpClient,
  baseUrl: string,
  hasToken: boolean,
  spec: SearchSpec,
  checkpoint: MastodonCheckpoint,
  signal?: AbortSignal,
): Promise<MentionPage> {
  requireSearchToken(spec, hasToken)
  return spec.kind === 'hashtag' ? hashtagPage(http, baseUrl, spec.tag, checkpoint, signal) : searchPage(http, spec.q, checkpoint, signal)
}
