// What every bench's command line shares.

/** The PostgreSQL server a bench creates its throw-away database on, unless told otherwise. */
export const BENCH_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

/** `--name` as a positive integer, or an error naming the option. */
export function positiveInteger(name: string, text: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got ${text}`)
  return value
}

/** Prints the help and exits when `--help` was given. */
export function exitWithHelpIf(asked: boolean | undefined, help: string): void {
  if (!asked) return
  console.log(help)
  process.exit(0)
}
