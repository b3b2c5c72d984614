import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { Scope } from '../../platform/db/tables/api-keys.ts'
import { generateApiKey, parseApiKey, secretMatches } from './api-key-secret.ts'
import { verifiedKeys, type KeyCache } from './key-cache.ts'
import type { Db } from '../../platform/db/db-handle.ts'
import { isUuid } from '../../platform/shared/ids.ts'


export interface Workspace { id: string; name: string; createdAt: Date }
export interface CreatedKey { id: string; key: string; scopes: Scope[] }
export interface KeyIdentity { keyId: string; workspaceId: string; scopes: Scope[] }

export async function createWorkspace(db: Db, name: string): Promise<Workspace> {
  const row = await db.insertInto('workspaces').values({ name }).returning(['id', 'name', 'created_at']).executeTakeFirstOrThrow()
  return { id: row.id, name: row.name, createdAt: row.created_at }
}

export async function workspaceExists(db: Db, id: string): Promise<boolean> {
  if (!isUuid(id)) return false
  return (await db.selectFrom('workspaces').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

/** Creates a key; the returned `key` is the only time the secret exists in clear. */
export async function createApiKey(db: Db, workspaceId: string, scopes: Scope[], name = ''): Promise<CreatedKey> {
  const generated = generateApiKey()
  const row = await db
    .insertInto('api_keys')
    .values({ workspace_id: workspaceId, name, public_id: generated.publicId, secret_hash: generated.secretHash, scopes, last_used_at: null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, key: generated.key, scopes }
}

/** Revokes by key id or by the key itself; false when no such active key exists. Takes effect at once in this process. */
export async function revokeApiKey(db: Db, keyOrId: string): Promise<boolean> {
  const parsed = parseApiKey(keyOrId)
  let query = db.updateTable('api_keys').set({ revoked_at: new Date() }).where('revoked_at', 'is', null)
  if (parsed) query = query.where('public_id', '=', parsed.publicId)
  else if (isUuid(keyOrId)) query = query.where('id', '=', keyOrId)
  else return false
  const revoked = await query.returning('public_id').execute()
  for (const row of revoked) verifiedKeys.forget(row.public_id)
  return revoked.length > 0
}

/**
 * The workspace and scopes of a presented key, or null when it is unknown, wrong or revoked.
 * Active keys are read through `verifiedKeys` (see key-cache.ts for how soon a revocation made
 * elsewhere is seen); the secret is checked against the stored hash on every call.
 */
export async function authenticateKey(db: Db, presented: string, cache: KeyCache = verifiedKeys): Promise<KeyIdentity | null> {
  const parsed = parseApiKey(presented)
  if (!parsed) return null
  let key = cache.get(parsed.publicId)
  if (!key) {
    const readAt = cache.generation()
    const row = await db
      .selectFrom('api_keys')
      .select(['id', 'workspace_id', 'secret_hash', 'scopes', 'revoked_at'])
      .where('public_id', '=', parsed.publicId)
      .executeTakeFirst()
    if (!row || row.revoked_at) return null
    key = { keyId: row.id, workspaceId: row.workspace_id, scopes: row.scopes, secretHash: row.secret_hash }
    cache.set(parsed.publicId, key, readAt)
  }
  if (!secretMatches(parsed.secret, key.secretHash)) return null
  return { keyId: key.keyId, workspaceId: key.workspaceId, scopes: key.scopes }
}

