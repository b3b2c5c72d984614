import { z } from 'zod'

/**
 * How many items one request may ask for, by kind of list — one maximum per kind, the same on
 * every route that serves that kind, so a client learns it once:
 * - `page`: a page of a paginated list (topics, mentions, inbox, alerts, digests, webhooks…);
 * - `ranking`: a page of a ranked list (influencers, relays, prospects); CSV and NDJSON exports
 *   stream the whole list instead;
 * - `perNetwork`: the top items shown for each network (trends);
 * - `graphNodes` / `graphEdges`: the accounts and ties of one graph export.
 */
export const LIST_LIMITS = {
  page: { max: 100, fallback: 50 },
  ranking: { max: 500, fallback: 50 },
  perNetwork: { max: 50, fallback: 10 },
  graphNodes: { max: 20_000, fallback: 2_000 },
  graphEdges: { max: 500_000, fallback: 100_000 },
} as const satisfies Record<string, { max: number; fallback: number }>

export type ListKind = keyof typeof LIST_LIMITS

/** The `limit` query parameter of a list of this kind; `fallback` overrides the kind's default. */
export function limitQuery(kind: ListKind, what = 'Items per page', fallback: number = LIST_LIMITS[kind].fallback) {
  const { max } = LIST_LIMITS[kind]
  return z.coerce.number().int().min(1).max(max).default(fallback).describe(`${what} (1–${max.toLocaleString('en')}, default ${fallback.toLocaleString('en')}).`)
}
