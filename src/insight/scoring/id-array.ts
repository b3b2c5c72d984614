/**
 * Account ids as one array-literal text parameter, `{1,2,3}`: integers only, so nothing to escape,
 * and the same text whatever the driver does with a JavaScript array.
 */
export function idArray(ids: readonly number[]): string {
  return `{${ids.join(',')}}`
}
