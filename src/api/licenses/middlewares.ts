import type { MiddlewareRoute } from "@medusajs/framework/http"
import { unknownKeyGate } from "../utils/license-api"
import { clientBucket, rateLimit } from "../utils/rate-limit"
import { validateBody } from "../utils/validate-body"
import { LicenseActivate, LicenseDeactivate, LicenseValidate } from "./validators"

const HOUR = 3_600_000

/**
 * The license API answers software, not people: generous per address, but bounded so keys cannot
 * be guessed at speed; and failed look-ups from all addresses together have one budget (`unknownKeyGate`).
 */
const perAddress = rateLimit([{ name: "license-api:ip", limit: 3_600, periodMs: HOUR, burst: 120, subject: clientBucket }])

export const licenseApiMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/licenses/validate", middlewares: [perAddress, unknownKeyGate, validateBody(LicenseValidate)] },
  { method: ["POST"], matcher: "/licenses/activate", middlewares: [perAddress, unknownKeyGate, validateBody(LicenseActivate)] },
  { method: ["POST"], matcher: "/licenses/deactivate", middlewares: [perAddress, unknownKeyGate, validateBody(LicenseDeactivate)] },
]
