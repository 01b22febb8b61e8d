// Small helpers for scripts that start servers: wait for a URL, run a command.
import { spawn } from "node:child_process"

export async function waitForUrl(url, { timeoutMs = 120_000, expect = (status) => status < 500, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs
  let last = "no answer"
  while (Date.now() < deadline) {
    if (!isAlive()) {
      throw new Error(`The process serving ${url} exited before answering.`)
    }
    try {
      const res = await fetch(url, { redirect: "manual" })
      if (expect(res.status)) {
        return res
      }
      last = `HTTP ${res.status}`
    } catch (error) {
      last = error.cause?.code || error.message
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (last: ${last}).`)
}

/**
 * Runs a command to completion, streaming its output; rejects when it fails.
 * Asynchronous on purpose: a script that also runs an embedded PostgreSQL must
 * keep its event loop free to drain the server's output, or the server stalls.
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options })
    child.on("error", reject)
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`\`${command} ${args.join(" ")}\` failed (exit ${code ?? signal}).`))
    )
  })
}

/** Starts a long-running process in its own process group, so it can be stopped with its children. */
export function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { stdio: "inherit", detached: true, ...options })
  child.alive = true
  child.on("exit", () => (child.alive = false))
  child.stopGroup = () =>
    new Promise((resolve) => {
      if (!child.alive) return resolve()
      child.once("exit", () => resolve())
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {
        return resolve()
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL")
        } catch {}
      }, 8_000).unref()
    })
  return child
}
