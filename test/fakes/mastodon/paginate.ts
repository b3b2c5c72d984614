// Mastodon's id pagination (`max_id`/`since_id`/`min_id`, newest first) and `Link` headers,
// following app/models/concerns/paginable.rb and the timeline/follow-list controllers.
import type { OrderedRecords } from './state.ts'

/** `[params[:limit].to_i.abs, default * 2].min`: silently capped, never an error. */
export function clampLimit(raw: string | null, defaultLimit: number): number {
  if (raw === null) return defaultLimit
  const parsed = Number.parseInt(raw, 10)
  return Math.min(Math.abs(Number.isNaN(parsed) ? 0 : parsed), defaultLimit * 2)
}

export class UnknownIdError extends Error {}

export interface IdPageParams {
  maxId: string | null
  sinceId: string | null
  minId: string | null
  limit: number
}

export function idPageParams(query: URLSearchParams, defaultLimit: number): IdPageParams {
  return {
    maxId: query.get('max_id'),
    sinceId: query.get('since_id'),
    minId: query.get('min_id'),
    limit: clampLimit(query.get('limit'), defaultLimit),
  }
}

/** A page of `candidates` (a subset of `records`), newest first. */
export function paginateById<T extends { id: string }>(records: OrderedRecords<T>, candidates: T[], params: IdPageParams): T[] {
  const positionOf = (id: string | null, fallback: number): number => {
    if (id === null || id === '') return fallback
    const position = records.position(id)
    // A real instance compares any id numerically; the fake only knows the ids it issued.
    if (position === undefined) throw new UnknownIdError(`fake: id ${id} was never issued`)
    return position
  }
  const max = positionOf(params.maxId, Number.POSITIVE_INFINITY)
  const since = positionOf(params.sinceId, -1)
  const min = positionOf(params.minId, -1)
  const within = candidates.filter((item) => {
    const position = records.position(item.id)!
    return position < max && position > since && position > min
  })
  if (params.minId !== null && params.minId !== '') {
    // min_id: the items immediately after it (oldest first), returned newest first.
    within.sort((a, b) => records.position(a.id)! - records.position(b.id)!)
    return within.slice(0, params.limit).reverse()
  }
  within.sort((a, b) => records.position(b.id)! - records.position(a.id)!)
  return within.slice(0, params.limit)
}

export interface LinkOptions {
  origin: string
  path: string
  /** Query parameters the controller carries into its links (only `limit`, sometimes `local`). */
  carried: Record<string, string>
  firstId: string
  lastId: string
  includeNext: boolean
  prevParam: 'min_id' | 'since_id'
}

export function linkHeader(options: LinkOptions): string {
  const url = (extra: Record<string, string>): string =>
    `${options.origin}${options.path}?${new URLSearchParams({ ...options.carried, ...extra }).toString()}`
  const links: string[] = []
  if (options.includeNext) links.push(`<${url({ max_id: options.lastId })}>; rel="next"`)
  links.push(`<${url({ [options.prevParam]: options.firstId })}>; rel="prev"`)
  return links.join(', ')
}
