import { z } from 'zod'
import type { SourceRow } from '../../platform/db/tables/sources.ts'
import { sourceConfigWith } from './source-config.ts'
import { sourceStreamingSchema, type SourceStreaming } from './stream-state.ts'

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
    streaming: sourceStreamingSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Source', example: { id: '0b4e1f7a-5a0e-4f55-9f5c-3f5f3c2f8e21', name: 'Mastodon – piaille.fr', network: 'mastodon', baseUrl: 'https://piaille.fr', settings: { streaming: 'on' }, credentialsSet: ['accessToken'], streaming: { enabled: true, reading: true, lastEventAt: '2026-11-02T09:41:07.000Z', lagSeconds: 1.2, lastError: null }, createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z' } })

export const sourceChangeSchema = z.strictObject({
  streaming: z.boolean().describe('false stops the live reading of the source (a running reader lets it go within about ten seconds); true starts it again.'),
}).meta({ id: 'SourceChange', description: 'What may change on a source; its credentials cannot (delete it and register it again).', example: { streaming: false } })

export type NewSource = z.infer<typeof newSourceSchema>
export type Source = z.infer<typeof sourceSchema>
export type SourceChange = z.infer<typeof sourceChangeSchema>

export function sourceToDto(row: Pick<SourceRow, 'id' | 'name' | 'network' | 'base_url' | 'settings' | 'credentials' | 'created_at' | 'updated_at'>, streaming: SourceStreaming): Source {
  return {
    id: row.id, name: row.name, network: row.network, baseUrl: row.base_url, settings: row.settings,
    credentialsSet: Object.keys(row.credentials).sort(), streaming,
    createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  }
}
