import type { DigestContent } from '../content/types.ts'
import { renderDigestHtml } from './render-html.ts'
import { renderDigestText } from './render-text.ts'
import { digestView, type DigestRenderOptions } from './view-model.ts'

export type { DigestRenderOptions } from './view-model.ts'

export interface RenderedDigest { subject: string; html: string; text: string }

/** The email of a digest: subject, HTML part and plain-text part. */
export function renderDigest(content: DigestContent, options: DigestRenderOptions): RenderedDigest {
  const view = digestView(content, options)
  return { subject: view.subject, html: renderDigestHtml(view, options.language), text: renderDigestText(view) }
}
