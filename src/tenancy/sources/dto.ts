import { z } from 'zod'
import type { SourceRow } from '../../platform/db/tables/sources.ts'
import { sourceConfigWith } from './source-config.ts'

export const newSourceSchema = sourceConfigWith({ name: z.string().trim().min(1).max(200) })
  .meta({
    id: 'NewSource',
    description: 'A network endpoint and its credentials. Credentials are write-only: never returned, never logged.',
    example: { name: 'Mastodon – piaille.fr', network: 'mastodon', baseUrl: 'https://piaille.fr', credentials: { accessToken: '…' } },
  })

export const sourceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    network: z.string(),
    baseUrl: z.string().nullable(),
    settings: z.record(z.string(), z.string()),
    credentialsSet: z.array(z.string()).describe('Names of the credentials stored (their values are never returned).'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Source', example: { id: '0b4e1f7a-5a0e-4f55-9f5c-3f5f3c2f8e21', name: 'Mastodon – piaille.fr', network: 'mastodon', baseUrl: 'https://piaille.fr', settings: {}, credentialsSet: ['accessToken'], createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z' } })

export type NewSource = z.infer<typeof newSourceSchema>
export type Source = z.infer<typeof sourceSchema>

export function sourceToDto(row: Pick<SourceRow, 'id' | 'name' | 'network' | 'base_url' | 'settings' | 'credentials' | 'created_at' | 'updated_at'>): Source {
  return {
    id: row.id, name: row.name, network: row.network, baseUrl: row.base_url, settings: row.settings,
    credentialsSet: Object.keys(row.credentials).sort(),
    createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  }
}
