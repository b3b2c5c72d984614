// The networks Relais collects from over an API, by name, with the name people know each one by.
// One line per network here and one in src/pipeline/networks/registry.ts (its descriptor); the
// compiler refuses the registry while either is missing.
const LABELS = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  x: 'X',
} as const

export type CollectableNetwork = keyof typeof LABELS

export const COLLECTABLE_NETWORKS = Object.keys(LABELS) as readonly CollectableNetwork[]

/** Any network name, including import-only ones (instagram, linkedin, ...). */
export const NETWORK_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/

// Networks that only reach Relais through NDJSON import, named as their owners write them.
const IMPORT_ONLY_LABELS: Record<string, string> = { instagram: 'Instagram', linkedin: 'LinkedIn', youtube: 'YouTube', tiktok: 'TikTok' }

export const isCollectableNetwork = (name: string): name is CollectableNetwork => Object.hasOwn(LABELS, name)

/** A network's name as people write it in a sentence (collectable or imported). */
export function networkLabel(network: string): string {
  if (isCollectableNetwork(network)) return LABELS[network]
  return IMPORT_ONLY_LABELS[network] ?? network.charAt(0).toUpperCase() + network.slice(1)
}
