import { readFileSync } from 'node:fs'
import { z } from 'zod'

const packageFile = z.object({ name: z.literal('relais'), version: z.string() })

/** Relais's version, from the nearest package.json above this module (sources or dist/src/…). */
function readVersion(): string {
  for (let up = new URL('./', import.meta.url); up.pathname !== '/'; up = new URL('../', up)) {
    try {
      return packageFile.parse(JSON.parse(readFileSync(new URL('package.json', up), 'utf8'))).version
    } catch {
      // not here (or not ours): one folder up
    }
  }
  return '0.0.0'
}

/**
 * Networks throttle anonymous-looking clients (Reddit "drastically limits" default user agents),
 * so every request names Relais and where to find it.
 */
export const DEFAULT_USER_AGENT = `Relais/${readVersion()} (+https://github.com/relais; social listening)`
