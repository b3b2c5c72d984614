import { z } from 'zod'
import { ROLES } from '../db/tables/people.ts'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.ts'

const email = z.email().max(320).describe('Email address (case does not matter)')
const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).describe(`At least ${PASSWORD_MIN_LENGTH} characters`)
const name = z.string().trim().min(1).max(200)
const token = z.string().min(1).max(100).describe('The secret from the link')
export const roleSchema = z.enum(ROLES).describe('viewer reads, editor also writes, admin also manages sources, jobs, keys and members')

export const signInSchema = z.strictObject({ email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
export const setupSchema = z.strictObject({ token, email, name, password, workspaceName: name }).meta({ id: 'SetupInput' })
export const acceptInvitationSchema = z.strictObject({ token, email, name, password }).meta({ id: 'AcceptInvitationInput' })
export const openLinkSchema = z.strictObject({ token })
export const switchWorkspaceSchema = z.strictObject({ workspaceId: z.uuid() })
export const invitationInputSchema = z.strictObject({ role: roleSchema, email: email.optional() }).meta({ id: 'InvitationInput' })

export const sessionSchema = z
  .object({
    person: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable().describe('null for a visitor through a read-only link'),
    workspace: z.object({ id: z.string(), name: z.string() }),
    role: roleSchema,
    memberships: z.array(z.object({ workspaceId: z.string(), workspaceName: z.string(), role: roleSchema })),
    topicId: z.string().nullable().describe('Set for a read-only visitor: the one topic they may open'),
    csrfToken: z.string().describe('Send it back in the x-csrf-token header with every change made with the session cookie'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Session' })
export type SessionDto = z.infer<typeof sessionSchema>

export const linkOpenedSchema = z.object({ session: sessionSchema, redirectTo: z.string() }).meta({ id: 'LinkOpened' })

export const invitationSchema = z
  .object({
    id: z.string(), role: roleSchema, email: z.string().nullable(), createdAt: z.iso.datetime(), expiresAt: z.iso.datetime(),
    usedAt: z.iso.datetime().nullable(), revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Invitation' })
export const createdInvitationSchema = invitationSchema.extend({ url: z.string().describe('The link to send; shown once') }).meta({ id: 'CreatedInvitation' })
export const setupStatusSchema = z.object({ needed: z.boolean().describe('true until the first person is created') }).meta({ id: 'SetupStatus' })
