import type { components } from './api-types'

// The app is a client of the public /v1 API, with the types generated from openapi/openapi.json.
export type Schemas = components['schemas']

let csrfToken: string | null = null
export const setCsrfToken = (token: string | null) => { csrfToken = token }

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, detail: string) { super(detail) }
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined && { body: JSON.stringify(body) }) })
  if (res.status === 204) return null as T
  const data = await res.json().catch(() => null)
  if (!res.ok) throw new ApiError(res.status, data?.code ?? 'error', data?.detail ?? res.statusText)
  return data as T
}

export const get = <T>(path: string) => api<T>('GET', path)
