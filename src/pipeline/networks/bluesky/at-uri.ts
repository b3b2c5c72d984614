// AT-URIs name records: `at://<did>/<collection>/<rkey>`.

export interface AtUri {
  /** A DID for records (handles are allowed by the syntax but never used in strong refs). */
  authority: string
  collection: string | null
  rkey: string | null
}

export function parseAtUri(uri: string): AtUri | null {
  const match = /^at:\/\/([^/?#]+)(?:\/([^/?#]+)(?:\/([^/?#]+))?)?/.exec(uri)
  if (match === null) return null
  return { authority: match[1], collection: match[2] ?? null, rkey: match[3] ?? null }
}

/** The DID of the repository holding the record, or null when the URI names it by handle. */
export function didOfAtUri(uri: string): string | null {
  const parsed = parseAtUri(uri)
  return parsed !== null && parsed.authority.startsWith('did:') ? parsed.authority : null
}

export function isPostUri(uri: string): boolean {
  return parseAtUri(uri)?.collection === 'app.bsky.feed.post'
}
