import { chmodSync, rmSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { PassThrough, Writable } from 'node:stream'
import type { Io } from '../io.ts'
import { controlSocketPath, ensurePrivateSocketFolder, LOCAL_ONLY_COMMANDS, MAX_ARGS, MAX_REQUEST_BYTES, type ForwardFrame, type ForwardRequest } from './protocol.ts'

export interface ControlSocket { readonly path: string; close(): Promise<void> }

type RunCommand = (argv: string[], io: Io) => Promise<number>

/**
 * Listens on the data folder's control socket and runs each forwarded command in this process,
 * with this process's database, its output sent back frame by frame. A stale socket left by a
 * crash is replaced (the data-folder lock says no other service is alive).
 */
export async function openControlSocket(dataDir: string, run: RunCommand, onError: (error: Error) => void): Promise<ControlSocket> {
  const path = controlSocketPath(dataDir)
  ensurePrivateSocketFolder(path)
  rmSync(path, { force: true })
  const server = createServer({ allowHalfOpen: true }, (socket) => { serveConnection(socket, run).catch(onError) })
  const previous = process.umask(0o177)
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(path, () => { server.off('error', reject); resolve() })
    })
  } finally {
    process.umask(previous)
  }
  chmodSync(path, 0o600)
  server.on('error', onError)
  return { path, close: () => closeServer(server, path) }
}

async function closeServer(server: Server, path: string): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  rmSync(path, { force: true })
}

async function serveConnection(socket: Socket, run: RunCommand): Promise<void> {
  socket.on('error', () => {}) // a caller that goes away (Ctrl-C) ends its command's output, nothing more
  const send = (frame: ForwardFrame, done?: () => void) => { if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`, done); else done?.() }
  const { request, rest } = await readRequest(socket)
  if (!request) {
    send({ err: 'relais: the request to the running service was not understood.' })
    send({ exit: 2 }, () => socket.end())
    return
  }
  const [name] = request.args
  if (name && LOCAL_ONLY_COMMANDS.has(name)) {
    send({ err: `relais ${name} cannot run inside relais serve: stop the service first.` })
    send({ exit: 1 }, () => socket.end())
    return
  }
  const stdin = Object.assign(new PassThrough(), { isTTY: request.stdinIsTTY })
  if (rest.length) stdin.write(rest)
  socket.pipe(stdin)
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, callback) { send({ data: chunk.toString('base64') }, () => callback()) },
  })
  const io: Io = {
    out: (line) => send({ out: line }),
    err: (line) => send({ err: line }),
    interactive: false,
    stdin,
    stdout,
    cwd: request.cwd,
  }
  let code: number
  try {
    code = await run(request.args, io)
  } catch (error) {
    io.err(`relais ${name} failed: ${(error as Error).message}`)
    code = 1
  }
  await new Promise<void>((resolve) => stdout.end(resolve))
  socket.unpipe(stdin)
  send({ exit: code }, () => socket.end())
}

/** The request line and whatever came after it; null when it is not a valid request. */
function readRequest(socket: Socket): Promise<{ request: ForwardRequest | null; rest: Buffer }> {
  return new Promise((resolve) => {
    let buffered = Buffer.alloc(0)
    const finish = (request: ForwardRequest | null, rest: Buffer) => {
      socket.off('data', onData)
      socket.off('end', onEnd)
      socket.pause()
      resolve({ request, rest })
    }
    const onEnd = () => finish(null, Buffer.alloc(0))
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk])
      const newline = buffered.indexOf(0x0a)
      if (newline === -1) {
        if (buffered.length > MAX_REQUEST_BYTES) finish(null, Buffer.alloc(0))
        return
      }
      finish(parseRequest(buffered.subarray(0, newline).toString('utf8')), buffered.subarray(newline + 1))
    }
    socket.on('data', onData)
    socket.on('end', onEnd)
  })
}

function parseRequest(line: string): ForwardRequest | null {
  try {
    const value = JSON.parse(line) as Partial<ForwardRequest>
    if (!Array.isArray(value.args) || value.args.length === 0 || value.args.length > MAX_ARGS || !value.args.every((a) => typeof a === 'string')) return null
    if (typeof value.cwd !== 'string' || typeof value.stdinIsTTY !== 'boolean') return null
    return { args: value.args, cwd: value.cwd, stdinIsTTY: value.stdinIsTTY }
  } catch {
    return null
  }
}
