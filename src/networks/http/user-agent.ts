import { readFileSync } from 'node:fs'
import { z } from 'zod'

function readVersion(): string {
  try {
    const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')
    return z.object({ version: z.string() }).parse(JSON.parse(text)).version
  } catch {
    return '0.0.0'
  }
}

/**
 * Networks throttle anonymous-looking clients (Reddit "drastically limits" default user agents),
 * so every request names Relais and where to find it.
 */
export const DEFAULT_USER_AGENT = `Relais/${readVersion()} (+https://github.com/relais; social listening)`
