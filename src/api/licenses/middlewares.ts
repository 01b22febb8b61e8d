import type { MiddlewareRoute } from "@medusajs/framework/http"
import { clientIp, rateLimit } from "../utils/rate-limit"
import { validateBody } from "../utils/validate-body"
import { LicenseActivate, LicenseDeactivate, LicenseValidate } from "./validators"

const HOUR = 3_600_000

/** The license API answers software, not people: generous per address, but bounded so keys cannot be guessed at speed. */
const perAddress = rateLimit([{ name: "license-api:ip", limit: 3_600, periodMs: HOUR, burst: 120, subject: clientIp }])

export const licenseApiMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/licenses/validate", middlewares: [perAddress, validateBody(LicenseValidate)] },
  { method: ["POST"], matcher: "/licenses/activate", middlewares: [perAddress, validateBody(LicenseActivate)] },
  { method: ["POST"], matcher: "/licenses/deactivate", middlewares: [perAddress, validateBody(LicenseDeactivate)] },
]
