import type { Kysely } from 'kysely'
import { AppError } from '../../platform/shared/errors.ts'
import type { DB } from '../../platform/db/schema.ts'
import type { Role } from '../../platform/db/tables/people.ts'
import type { Scope } from '../../platform/db/tables/api-keys.ts'
import { createWorkspace } from '../workspaces/service.ts'
import type { SessionDto } from './dto.ts'
import { createLink, findLink, useLink } from './links.ts'
import { addMembership, anyPersonExists, checkCredentials, createPerson, findPerson, membershipsOf, normalizeEmail } from './people.ts'
import { authenticateSession, createSession, endEverySession, endSession, switchWorkspace, type SessionIdentity } from './sessions.ts'

export interface StartedSession { token: string; expiresAt: Date }

/** Sign-in, first-run setup, invitations and links: everything that starts a session. */
export function createPeopleService({ db }: { db: Kysely<DB> }) {
  return {
    async signIn(email: string, password: string): Promise<StartedSession> {
      const person = await checkCredentials(db, email, password)
      if (!person) throw new AppError('unauthorized', 'The email or the password is wrong.')
      const [first] = await membershipsOf(db, person.id)
      if (!first) throw new AppError('forbidden', 'This account belongs to no workspace any more; ask an admin for an invitation.')
      return createSession(db, { personId: person.id, workspaceId: first.workspaceId, role: first.role })
    },

    async describe(session: SessionIdentity): Promise<SessionDto> {
      const person = session.personId ? await findPerson(db, session.personId) : null
      const memberships = session.personId ? await membershipsOf(db, session.personId) : []
      const workspace = await db.selectFrom('workspaces').select(['id', 'name']).where('id', '=', session.workspaceId).executeTakeFirstOrThrow()
      return { person, workspace, role: session.role, memberships, topicId: session.topicId, via: 'session', csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() }
    },

    /** The session a fresh cookie token opens, described for the client. */
    async resume(token: string): Promise<SessionDto> {
      const identity = await authenticateSession(db, token)
      if (!identity) throw new AppError('unauthorized', 'The session has ended; sign in again.')
      return this.describe(identity)
    },

    signOut: (session: SessionIdentity) => endSession(db, session.sessionId),

    /** Every session of the person ends (a visitor's own session only). */
    signOutEverywhere: async (session: SessionIdentity) => {
      if (session.personId) await endEverySession(db, session.personId)
      else await endSession(db, session.sessionId)
    },

    /** What an API key sees of itself: its workspace and the role its widest scope matches. */
    async describeKey(workspaceId: string, scopes: Scope[]): Promise<SessionDto> {
      const workspace = await db.selectFrom('workspaces').select(['id', 'name']).where('id', '=', workspaceId).executeTakeFirstOrThrow()
      const role: Role = scopes.includes('admin') ? 'admin' : scopes.includes('write') ? 'editor' : 'viewer'
      return { person: null, workspace, role, memberships: [], topicId: null, via: 'key', csrfToken: null, expiresAt: null }
    },

    setupNeeded: async () => !(await anyPersonExists(db)),

    /** The first admin and workspace, through the one-time link `relais serve` printed. */
    async setup(input: { token: string; email: string; name: string; password: string; workspaceName: string }): Promise<StartedSession> {
      return db.transaction().execute(async (trx) => {
        const link = await findLink(trx, input.token, 'setup')
        if (!link || (await anyPersonExists(trx)) || !(await useLink(trx, link.id)))
          throw new AppError('unprocessable', 'This setup link has been used or has expired. Restart `relais serve` on an empty database for a new one, or sign in.')
        const workspace = await createWorkspace(trx, input.workspaceName)
        const person = await createPerson(trx, input)
        await addMembership(trx, person.id, workspace.id, 'admin')
        return createSession(trx, { personId: person.id, workspaceId: workspace.id, role: 'admin' })
      })
    },

    async acceptInvitation(input: { token: string; email: string; name: string; password: string }): Promise<StartedSession> {
      return db.transaction().execute(async (trx) => {
        const link = await findLink(trx, input.token, 'invitation')
        if (!link || !link.workspace_id || !link.role) throw new AppError('unprocessable', 'This invitation has been used, revoked or has expired; ask for a new one.')
        if (link.email && link.email !== normalizeEmail(input.email)) throw new AppError('unprocessable', 'This invitation was sent to another address.')
        const existing = await trx.selectFrom('people').select('id').where('email', '=', normalizeEmail(input.email)).executeTakeFirst()
        const person = existing ? await checkCredentials(trx, input.email, input.password) : await createPerson(trx, input)
        if (!person) throw new AppError('unauthorized', 'An account with this email exists: enter its password to join.')
        if (!(await useLink(trx, link.id))) throw new AppError('unprocessable', 'This invitation has just been used.')
        await addMembership(trx, person.id, link.workspace_id, link.role)
        return createSession(trx, { personId: person.id, workspaceId: link.workspace_id, role: link.role })
      })
    },

    /** A demo sign-in link or a digest's read-only link: a session, and the page to go to. */
    async openLink(token: string): Promise<StartedSession & { redirectTo: string }> {
      const demo = await findLink(db, token, 'demo')
      if (demo?.person_id && demo.workspace_id && demo.role) {
        const session = await createSession(db, { personId: demo.person_id, workspaceId: demo.workspace_id, role: demo.role })
        return { ...session, redirectTo: '/' }
      }
      const share = await findLink(db, token, 'share')
      if (share?.workspace_id && share.topic_id) {
        const session = await createSession(db, { personId: null, workspaceId: share.workspace_id, role: 'viewer', topicId: share.topic_id, linkId: share.id, expiresAt: share.expires_at })
        return { ...session, redirectTo: `/topics/${share.topic_id}` }
      }
      throw new AppError('unprocessable', 'This link has expired or was revoked.')
    },

    async switchWorkspace(session: SessionIdentity, workspaceId: string): Promise<void> {
      if (!session.personId) throw new AppError('forbidden', 'A read-only link opens one workspace only.')
      const membership = (await membershipsOf(db, session.personId)).find((m) => m.workspaceId === workspaceId)
      if (!membership) throw new AppError('not_found', 'You are not a member of that workspace.')
      await switchWorkspace(db, session.sessionId, workspaceId, membership.role)
    },

    createInvitation: (workspaceId: string, role: Role, email?: string) =>
      createLink(db, { purpose: 'invitation', workspaceId, role, email: email ? normalizeEmail(email) : null }),
  }
}
export type PeopleService = ReturnType<typeof createPeopleService>
