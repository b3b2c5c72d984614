/**
 * A query the user typed cannot be used. `position` is the 0-based offset (a JavaScript string
 * index) of the place to look at; the message is written for the person who typed the query.
 */
export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError'
  readonly position: number

  constructor(message: string, position: number) {
    super(message)
    this.position = position
  }
}
