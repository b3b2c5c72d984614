const NAMES: Record<string, string> = { mastodon: 'Mastodon', bluesky: 'Bluesky', reddit: 'Reddit', x: 'X', instagram: 'Instagram', linkedin: 'LinkedIn' }

/** A network's name as people write it in a sentence. */
export const networkName = (network: string): string => NAMES[network] ?? network.charAt(0).toUpperCase() + network.slice(1)
