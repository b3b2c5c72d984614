/** Raised when the input of a graph function is malformed (lengths, indices, weights, options). */
export class GraphInputError extends Error {
  override name = 'GraphInputError'
}

/** Raised when an iterative method did not reach its tolerance within its iteration budget. */
export class ConvergenceError extends Error {
  override name = 'ConvergenceError'
  constructor(
    message: string,
    readonly iterations: number,
    readonly lastChange: number,
  ) {
    super(message)
  }
}
