// Rich-text facets point into the post text by UTF-8 byte offsets (start inclusive, end
// exclusive), while JavaScript strings are UTF-16: slicing the string with them goes wrong as soon
// as an emoji or an accented letter comes before the facet. So the text is sliced as bytes.
import { z } from 'zod'
import type { MentionRef } from '../model.ts'
import type { BlueskyFacet } from './schemas.ts'

const mentionFeature = z.object({ $type: z.literal('app.bsky.richtext.facet#mention'), did: z.string() })
const linkFeature = z.object({ $type: z.literal('app.bsky.richtext.facet#link'), uri: z.string() })
const tagFeature = z.object({ $type: z.literal('app.bsky.richtext.facet#tag'), tag: z.string() })

export interface FacetEntities {
  mentions: MentionRef[]
  links: string[]
  /** Lower-case, without `#`. */
  hashtags: string[]
}

/** The text a facet covers, or null when its offsets do not fit the text. */
export function facetText(bytes: Buffer, facet: BlueskyFacet): string | null {
  const { byteStart, byteEnd } = facet.index
  if (byteStart < 0 || byteEnd <= byteStart || byteEnd > bytes.length) return null
  return bytes.subarray(byteStart, byteEnd).toString('utf8')
}

export function extractFacets(text: string, facets: BlueskyFacet[] | undefined, recordTags: string[] | undefined): FacetEntities {
  const bytes = Buffer.from(text, 'utf8')
  const mentions = new Map<string, MentionRef>()
  const links = new Set<string>()
  const hashtags = new Set<string>()
  for (const facet of facets ?? []) {
    const covered = facetText(bytes, facet)
    for (const feature of facet.features) {
      const mention = mentionFeature.safeParse(feature)
      if (mention.success && !mentions.has(mention.data.did)) {
        // The feature's DID is authoritative even when the offsets are broken; the handle is a label.
        const handle = covered?.replace(/^@/, '').trim() || mention.data.did
        mentions.set(mention.data.did, { externalId: mention.data.did, handle })
      }
      const link = linkFeature.safeParse(feature)
      if (link.success) links.add(link.data.uri)
      const tag = tagFeature.safeParse(feature)
      if (tag.success) hashtags.add(tag.data.tag.replace(/^#/, '').toLowerCase())
    }
  }
  // Tags the author attached to the record without writing them in the text.
  for (const tag of recordTags ?? []) hashtags.add(tag.replace(/^#/, '').toLowerCase())
  hashtags.delete('')
  return { mentions: [...mentions.values()], links: [...links], hashtags: [...hashtags] }
}
