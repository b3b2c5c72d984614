// GET /api/v1/statuses/:id and GET /api/v1/statuses?id[]= (4.3+): how clients resolve the
// instance-local ids that replies and shallow quotes point at.
import { parseSnowflake, statusIdValue } from '../../ids.ts'
import { json, type SandboxRequest, type SandboxResponse } from '../http-types.ts'
import { upperBound, type SandboxView } from '../sandbox-view.ts'
import { RECORD_NOT_FOUND } from './accounts.ts'
import { statusJson } from './entities.ts'

const MAX_IDS = 20

/** The post an instance-local status id names, when it exists now and has reached the instance. */
export function statusById(view: SandboxView, instance: number, id: string): number | null {
  const value = parseSnowflake(id)
  if (value === null) return null
  const ms = Number(value >> 16n)
  const index = upperBound(view.data.posts.createdAt, ms) - 1
  if (index < 0 || index >= view.visibleCount || statusIdValue(view.data.posts.createdAt[index], instance) !== value) return null
  return view.delivered(instance, index) ? index : null
}

export function getStatus(view: SandboxView, instance: number, id: string): SandboxResponse {
  const post = statusById(view, instance, id)
  return post === null ? RECORD_NOT_FOUND : json(statusJson(view, post, instance))
}

export function getStatuses(view: SandboxView, request: SandboxRequest, instance: number): SandboxResponse {
  const ids = request.query.getAll('id[]')
  if (ids.length === 0) return json({ error: 'param is missing or the value is empty: id' }, 400)
  if (ids.length > MAX_IDS) return json({ error: `Too many ids (max ${MAX_IDS})` }, 422)
  const found = ids.map((id) => statusById(view, instance, id)).filter((post): post is number => post !== null)
  return json(found.map((post) => statusJson(view, post, instance)))
}
