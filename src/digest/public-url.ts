import { loadConfig } from '../config/index.ts'

let cached: { value: string | undefined } | null = null

/** PUBLIC_URL from the configuration, read once; undefined when unset or when the environment does not parse. */
export function configuredPublicUrl(): string | undefined {
  if (!cached) {
    try {
      cached = { value: loadConfig().http.publicUrl }
    } catch {
      cached = { value: undefined }
    }
  }
  return cached.value
}
