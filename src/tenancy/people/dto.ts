import { z } from 'zod'
import { ROLES } from '../../platform/db/tables/people.ts'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.ts'

const email = z.email().max(320).describe('Email address (case does not matter)')
const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).describe(`At least ${PASSWORD_MIN_LENGTH} characters`)
const name = z.string().trim().min(1).max(200)
const token = z.string().min(1).max(100).describe('The secret from the link')
export const roleSchema = z.enum(ROLES).describe('viewer reads, editor also writes, admin also manages sources, jobs, keys and members')

const SESSION_EXAMPLE = {
  person: { id: '0b7e1c1e-4a9e-4f0c-9d61-8f1a3c2b9e11', email: 'camille@example.org', name: 'Camille' },
  workspace: { id: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b', name: 'Fleurs & Co' },
  role: 'editor', memberships: [{ workspaceId: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b', workspaceName: 'Fleurs & Co', role: 'editor' }],
  topicId: null, via: 'session', csrfToken: 'kq3H0x1c9gYtV2bV8nHq1z0mJrYt5sQe', expiresAt: '2026-12-21T09:00:00.000Z',
}

export const signInSchema = z.strictObject({ email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
export const setupSchema = z.strictObject({ token, email, name, password, workspaceName: name })
export const acceptInvitationSchema = z.strictObject({ token, email, name, password })
export const openLinkSchema = z.strictObject({ token })
export const switchWorkspaceSchema = z.strictObject({ workspaceId: z.uuid() })
export const invitationInputSchema = z.strictObject({ role: roleSchema, email: email.optional() })

export const sessionSchema = z
  .object({
    person: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable().describe('null for a visitor through a read-only link'),
    workspace: z.object({ id: z.string(), name: z.string() }),
    role: roleSchema,
    memberships: z.array(z.object({ workspaceId: z.string(), workspaceName: z.string(), role: roleSchema })),
    topicId: z.string().nullable().describe('Set for a read-only visitor: the one topic they may open'),
    via: z.enum(['session', 'key']).describe('How this request was authenticated'),
    csrfToken: z.string().nullable().describe('Send it back in the x-csrf-token header with every change made with the session cookie (null for a key)'),
    expiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Session', example: SESSION_EXAMPLE })
export type SessionDto = z.infer<typeof sessionSchema>

export const linkOpenedSchema = z.object({ session: sessionSchema, redirectTo: z.string() }).meta({ id: 'LinkOpened', example: { session: SESSION_EXAMPLE, redirectTo: '/' } })

export const invitationSchema = z
  .object({
    id: z.string(), role: roleSchema, email: z.string().nullable(), createdAt: z.iso.datetime(), expiresAt: z.iso.datetime(),
    usedAt: z.iso.datetime().nullable(), revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Invitation' })
const INVITATION_EXAMPLE = { id: '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', role: 'viewer', email: 'dominique@example.org', createdAt: '2026-12-07T09:00:00.000Z', expiresAt: '2026-12-14T09:00:00.000Z', usedAt: null, revokedAt: null }
export const invitationPageSchema = z.object({ items: z.array(invitationSchema) }).meta({ id: 'InvitationList', example: { items: [INVITATION_EXAMPLE] } })
export const createdInvitationSchema = invitationSchema
  .extend({ url: z.string().describe('The link to send; shown once') })
  .meta({ id: 'CreatedInvitation', example: { ...INVITATION_EXAMPLE, url: 'https://relais.example/invite#kq3H0x1c9gYtV2bV8nHq1z0mJrYt5sQeA1b2C3d4E5f' } })
export const setupStatusSchema = z.object({ needed: z.boolean().describe('true until the first person is created') }).meta({ id: 'SetupStatus', example: { needed: false } })
