// The languages enrichment understands fully (detection, sentiment, questions, full-text search).

export const SUPPORTED_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl'] as const
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number]

const SUPPORTED = new Set<string>(SUPPORTED_LANGUAGES)

export function isSupportedLanguage(lang: string | null | undefined): lang is SupportedLanguage {
  return lang != null && SUPPORTED.has(lang)
}

const SEARCH_CONFIGS: Record<SupportedLanguage, string> = {
  en: 'english',
  fr: 'french',
  es: 'spanish',
  de: 'german',
  it: 'italian',
  pt: 'portuguese',
  nl: 'dutch',
}

/** The PostgreSQL text search configuration for a language; `simple` (no stemming) otherwise. */
export function textSearchConfig(lang: string | null | undefined): string {
  return isSupportedLanguage(lang) ? SEARCH_CONFIGS[lang] : 'simple'
}

const LANGUAGE_TAG = /^([a-z]{2})(?:[-_][a-z0-9]{1,8})*$/

/**
 * A network's language tag reduced to ISO 639-1: `en-US` → `en`, `PT_br` → `pt`.
 * Returns null for what is not a two-letter language (X's `und`, `qme`, `zxx`; empty strings),
 * so the caller falls back to detection.
 */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null
  const match = LANGUAGE_TAG.exec(tag.trim().toLowerCase())
  return match ? match[1] : null
}
