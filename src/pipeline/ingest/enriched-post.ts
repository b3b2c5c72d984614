import type { NormalizedPost } from '../networks/model.ts'

/** A normalised post after enrichment: what is stored. */
export interface EnrichedPost extends NormalizedPost {
  /** true when the language was detected here rather than given by the network. */
  langDetected: boolean
  /** In [-1, 1]; null when the language is not one the analyser knows. */
  sentiment: number | null
  isQuestion: boolean
  /** PostgreSQL text search configuration for the post's language ('french', 'simple', …). */
  searchConfig: string
}
