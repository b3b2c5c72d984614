/**
 * One search the topic query compiles to for a network. A topic query may compile to several
 * (e.g. one Mastodon hashtag timeline per hashtag); each has its own checkpoint.
 */
export type SearchSpec =
  /** A hashtag timeline, where the network has one (Mastodon). Tag without `#`. */
  | { kind: 'hashtag'; tag: string }
  /** The network's own search syntax, already compiled (Bluesky `q`, Reddit `q`, X `query`, Mastodon search). */
  | { kind: 'query'; q: string; lang?: string; tags?: string[] }
