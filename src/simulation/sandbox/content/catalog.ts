// Who lives in the sandbox: topics, communities and Mastodon instances.
import type { CommunityDefinition, TopicDefinition } from '../types.ts'

export const MASTODON_INSTANCES = [
  'mastodon.sandbox.example',
  'piaille.sandbox.example',
  'code.sandbox.example',
  'social.sandbox.example',
] as const

export const BLUESKY_HANDLE_SUFFIX = 'bsky.sandbox.example'

export const TOPICS: TopicDefinition[] = [
  { id: 'velo', name: 'Vélo et mobilité douce', hashtags: ['velo', 'mobilite', 'VeloTaf', 'pistescyclables'] },
  { id: 'rust', name: 'Open source and Rust', hashtags: ['rustlang', 'opensource', 'foss', 'cargo'] },
  { id: 'cocina', name: 'Cocina y recetas', hashtags: ['recetas', 'cocina', 'gastronomia', 'tapas'] },
  { id: 'klima', name: 'Klimaschutz und Energiewende', hashtags: ['klimaschutz', 'energiewende', 'solar', 'waermepumpe'] },
]

/** Hashtags of off-topic chatter. */
export const CHATTER_HASHTAGS = ['caturday', 'photographie', 'musique', 'lecture', 'fotografia', 'buch', 'music', 'weekend']

/** The topic that receives the planted negative spike, and its hashtag. */
export const SPIKE_TOPIC = 'velo'

export const COMMUNITIES: CommunityDefinition[] = [
  {
    id: 'velotaf-fr',
    topic: 'velo',
    weight: 0.24,
    languages: { fr: 0.82, en: 0.08, es: 0.04, de: 0.06 },
    mastodonShare: 0.6,
    instances: { 'piaille.sandbox.example': 0.6, 'mastodon.sandbox.example': 0.3, 'social.sandbox.example': 0.1 },
    utcOffsets: [1, 1, 1, 2],
  },
  {
    id: 'rustaceans',
    topic: 'rust',
    weight: 0.24,
    languages: { en: 0.7, de: 0.12, fr: 0.12, es: 0.06 },
    mastodonShare: 0.55,
    instances: { 'code.sandbox.example': 0.6, 'mastodon.sandbox.example': 0.3, 'social.sandbox.example': 0.1 },
    utcOffsets: [-5, -8, 0, 1],
  },
  {
    id: 'cocineros',
    topic: 'cocina',
    weight: 0.18,
    languages: { es: 0.85, en: 0.1, fr: 0.05 },
    mastodonShare: 0.35,
    instances: { 'mastodon.sandbox.example': 0.6, 'social.sandbox.example': 0.4 },
    utcOffsets: [1, 1, -6, -3],
  },
  {
    id: 'energiewende',
    topic: 'klima',
    weight: 0.18,
    languages: { de: 0.8, en: 0.15, fr: 0.05 },
    mastodonShare: 0.6,
    instances: { 'social.sandbox.example': 0.5, 'mastodon.sandbox.example': 0.5 },
    utcOffsets: [1],
  },
  {
    id: 'general',
    topic: null,
    weight: 0.16,
    languages: { en: 0.35, fr: 0.25, es: 0.2, de: 0.2 },
    mastodonShare: 0.5,
    instances: { 'mastodon.sandbox.example': 0.5, 'social.sandbox.example': 0.3, 'piaille.sandbox.example': 0.2 },
    utcOffsets: [-5, 0, 1, 1],
  },
]

/** Relative posting activity per local hour: quiet nights, a morning, a lunch and an evening peak. */
export const HOURLY_ACTIVITY = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.45, 0.9, 1.3, 1.2, 1.0, 1.05,
  1.35, 1.25, 0.95, 0.9, 0.95, 1.1, 1.3, 1.5, 1.6, 1.45, 1.0, 0.55,
]

/** Relative activity per weekday, Sunday first. */
export const WEEKDAY_ACTIVITY = [0.8, 1.05, 1.05, 1.05, 1.0, 0.95, 0.8]
