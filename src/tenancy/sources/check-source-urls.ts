import { AppError } from '../../platform/shared/errors.ts'
import { checkOutboundUrl, type AddressPolicy } from '../../pipeline/networks/http/address-policy.ts'
import { resolveTarget, UnsafeTargetError } from '../../pipeline/networks/http/resolve-target.ts'
import type { NewSource } from './dto.ts'

/** Every URL a source will call: its base URL and the ones in its settings (Bluesky PDS, Reddit token URL). */
export function sourceUrls(input: Pick<NewSource, 'baseUrl' | 'settings'>): string[] {
  const settings = input.settings as Record<string, string | undefined>
  return [input.baseUrl, settings.pdsUrl, settings.tokenUrl].filter((u): u is string => typeof u === 'string')
}

/**
 * Refuses, at registration, a source whose URLs the operator's policy forbids: a scheme other
 * than https (unless allowed), a user or password in the URL, a private address written in it or
 * a name resolving to one. A name that does not resolve now is accepted: every connection is
 * checked again when it is made (a name can change its answer at any time).
 */
export async function checkSourceUrls(input: Pick<NewSource, 'baseUrl' | 'settings'>, policy: AddressPolicy): Promise<void> {
  for (const text of sourceUrls(input)) {
    const url = new URL(text)
    try {
      await checkOutboundUrl(url, policy, 'source')
      await resolveTarget(url.hostname, policy.allowPrivate, policy.resolver).catch((error: unknown) => {
        if (error instanceof UnsafeTargetError && /does not resolve|has no address/.test(error.message)) return
        throw error
      })
    } catch (error) {
      if (error instanceof UnsafeTargetError) throw new AppError('unprocessable', `${url.origin}: ${error.message}`)
      throw error
    }
  }
}
