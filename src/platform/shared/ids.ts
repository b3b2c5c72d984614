const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether a path or query value is a UUID, checked before it reaches a uuid column (a 404, not a 500). */
export const isUuid = (value: string) => UUID.test(value)
