import { createWorkspace } from '../../tenancy/workspaces/service.ts'
import { UsageError, withDatabase, type Io } from '../context.ts'
import { workspaceUsage } from '../usage.ts'

export async function workspaceCommand(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args
  const name = rest.join(' ').trim()
  if (action !== 'create' || !name) throw new UsageError(workspaceUsage)
  if (name.length > 200) throw new UsageError('A workspace name has at most 200 characters.')
  const workspace = await withDatabase('workspace create', ({ db }) => createWorkspace(db, name))
  io.out(workspace.id)
  io.err(`Workspace "${workspace.name}" created. Next: relais key create --workspace ${workspace.id} --scopes read,write`)
  return 0
}
