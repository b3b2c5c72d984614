// RFC 8288 `Link` header, as Mastodon sends it for pagination:
// `<https://host/api/v1/...?max_id=1>; rel="next", <https://host/...?min_id=2>; rel="prev"`.

const LINK_PATTERN = /<([^>]*)>((?:\s*;\s*[^;,]+(?:=(?:"[^"]*"|[^;,]*))?)*)/g
const REL_PATTERN = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i

/** URL of the link with the given relation (`next`, `prev`), or null when there is none. */
export function linkWithRel(header: string | null, rel: string): string | null {
  if (header === null) return null
  for (const match of header.matchAll(LINK_PATTERN)) {
    const relMatch = REL_PATTERN.exec(match[2] ?? '')
    const relations = (relMatch?.[1] ?? relMatch?.[2] ?? '').toLowerCase().split(/\s+/)
    if (relations.includes(rel)) return match[1]
  }
  return null
}
