import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { clock } from "../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import { IDEMPOTENCY_KEY_TTL_MS } from "../../modules/customer-portal/services/idempotency"

export type IdempotentAnswer = { status: number; body: unknown }

const KEY = /^[\x21-\x7e]{1,255}$/
/**
 * A request that has not answered after this long is taken to have died (its
 * server stopped): a retry with its key may run it again. Safe, because what
 * the requests behind keys do is itself safe to repeat — a charge is found
 * on its invoice, under the subscription's lock, and never made twice.
 */
const STALE_MS = 2 * 60_000
/** Keys are remembered for a day, as payment APIs do (the purge keeps them that long). */
const TTL_MS = IDEMPOTENCY_KEY_TTL_MS
/** How long a repeat waits for the first request with its key to answer. */
const WAIT_MS = 30_000

/**
 * Answers a request at most once per `Idempotency-Key` header and caller
 * (`scope`): the first request with a key runs `handle`, and its answer is
 * kept; the same key again — at the same moment from another tab or another
 * server instance, or later as a network retry — gets that same answer
 * (marked `Idempotent-Replayed: true`) without running anything. The same
 * key with a different request is a 400. A request that throws keeps
 * nothing, so the key may be retried. Without the header, `handle` runs.
 */
export async function answerIdempotently(req: MedusaRequest, res: MedusaResponse, scope: string, handle: () => Promise<IdempotentAnswer>) {
  const header = req.headers["idempotency-key"]
  if (header === undefined) {
    const answer = await handle()
    res.status(answer.status).json(answer.body)
    return
  }
  const key = Array.isArray(header) ? header[0] : header
  if (!KEY.test(key)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The Idempotency-Key header must be 1 to 255 visible characters.")
  }
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const fingerprint = createHash("sha256")
    .update(`${req.method} ${req.baseUrl}${req.path}\n${JSON.stringify(req.body ?? null)}`)
    .digest("hex")
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const start = await service.startIdempotentRequest({ scope, key, fingerprint, now: clock.now(), staleMs: STALE_MS, ttlMs: TTL_MS })
    if (start.state === "mismatch") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This Idempotency-Key was already used for a different request. Send a new key.")
    }
    if (start.state === "done") {
      res.setHeader("Idempotent-Replayed", "true")
      res.status(start.status).json(start.body)
      return
    }
    if (start.state === "run") {
      let answer: IdempotentAnswer
      try {
        answer = await handle()
      } catch (error) {
        await service.releaseIdempotentRequest(start.id).catch(() => undefined)
        throw error
      }
      await service.finishIdempotentRequest(start.id, answer)
      res.status(answer.status).json(answer.body)
      return
    }
    if (Date.now() >= deadline) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "A request with this Idempotency-Key is still being processed. Try again in a moment.")
    }
    await sleep(100)
  }
}
