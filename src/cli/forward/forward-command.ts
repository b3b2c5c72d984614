import { connect, type Socket } from 'node:net'
import type { Io } from '../io.ts'
import { assertPrivateSocketFolder, controlSocketPath, LOCAL_ONLY_COMMANDS, type ForwardFrame, type ForwardRequest } from './protocol.ts'

/**
 * Runs `relais ARGV` through the `relais serve` that holds the embedded database in `dataDir`, as
 * if it ran here: same output, same exit code. Null when no service answers on the folder's
 * control socket (the command then runs here, and says who holds the folder if someone does).
 */
export async function forwardToRunningService(dataDir: string, argv: string[], io: Io): Promise<number | null> {
  if (LOCAL_ONLY_COMMANDS.has(argv[0] ?? '')) return null
  const path = controlSocketPath(dataDir)
  try {
    assertPrivateSocketFolder(path)
  } catch {
    return null // no service made it, or it is not ours to trust
  }
  const socket = await connected(path)
  if (!socket) return null
  const stdinIsTTY = Boolean(process.stdin.isTTY)
  const request: ForwardRequest = { args: argv, cwd: process.cwd(), stdinIsTTY }
  socket.write(`${JSON.stringify(request)}\n`)
  // Standard input goes along only where the command reads it (`relais import -`), and never from
  // a terminal: anything else would wait for a person to type.
  if (!stdinIsTTY && argv.includes('-')) process.stdin.pipe(socket)
  else socket.end()
  return new Promise((resolve) => {
    let pending = ''
    let code: number | null = null
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      pending += chunk
      let newline: number
      while ((newline = pending.indexOf('\n')) !== -1) {
        const frame = JSON.parse(pending.slice(0, newline)) as ForwardFrame
        pending = pending.slice(newline + 1)
        if ('out' in frame) io.out(frame.out)
        else if ('err' in frame) io.err(frame.err)
        else if ('data' in frame) (io.stdout ?? process.stdout).write(Buffer.from(frame.data, 'base64'))
        else code = frame.exit
      }
    })
    socket.on('error', (error) => {
      io.err(`relais: the running service stopped answering: ${error.message}`)
      resolve(1)
    })
    socket.on('close', () => {
      if (code === null) io.err('relais: the running service closed the connection before the command finished.')
      process.stdin.unpipe(socket)
      resolve(code ?? 1)
    })
  })
}

function connected(path: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect(path)
    socket.once('connect', () => { socket.removeAllListeners('error'); resolve(socket) })
    socket.once('error', () => resolve(null)) // no socket, or a stale one: nobody serves this folder
  })
}
