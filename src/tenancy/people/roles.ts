import type { Scope } from '../../platform/db/tables/api-keys.ts'
import type { Role } from '../../platform/db/tables/people.ts'

/** A member's role is the API scope their session carries. */
export const ROLE_SCOPE: Record<Role, Scope> = { viewer: 'read', editor: 'write', admin: 'admin' }
