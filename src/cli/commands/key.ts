import { parseArgs } from 'node:util'
import { SCOPES, type Scope } from '../../platform/db/tables/api-keys.ts'
import { createApiKey, revokeApiKey, workspaceExists } from '../../tenancy/workspaces/service.ts'
import { UsageError, withDatabase, type Io } from '../context.ts'
import { KEY_CACHE_TTL_MS } from '../../tenancy/workspaces/key-cache.ts'
import { keyUsage } from '../usage.ts'

export async function keyCommand(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args
  if (action === 'create') return create(rest, io)
  if (action === 'revoke') return revoke(rest, io)
  throw new UsageError(keyUsage)
}

async function create(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, scopes: { type: 'string', default: 'read' }, name: { type: 'string', default: '' } } })
  if (!values.workspace) throw new UsageError(`--workspace is required.\n${keyUsage}`)
  const scopes = values.scopes.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s))
  if (unknown.length || scopes.length === 0) throw new UsageError(`--scopes takes a comma-separated list of ${SCOPES.join(', ')}; got "${values.scopes}".`)
  const workspaceId = values.workspace
  return withDatabase('key create', async ({ db }) => {
    if (!(await workspaceExists(db, workspaceId))) {
      io.err(`No workspace with id ${workspaceId}. Create one with: relais workspace create NAME`)
      return 1
    }
    const key = await createApiKey(db, workspaceId, [...new Set(scopes)] as Scope[], values.name)
    io.out(key.key)
    io.err(`API key ${key.id} created with scopes ${key.scopes.join(', ')}. It is shown only now: store it safely.`)
    return 0
  })
}

async function revoke(args: string[], io: Io): Promise<number> {
  const target = args[0]
  if (!target) throw new UsageError(keyUsage)
  return withDatabase('key revoke', async ({ db }) => {
    if (await revokeApiKey(db, target)) {
      io.err(`API key revoked: requests with it are refused from now on (by a running server within ${KEY_CACHE_TTL_MS / 1000} seconds).`)
      return 0
    }
    io.err('No active API key matches that key or id.')
    return 1
  })
}
