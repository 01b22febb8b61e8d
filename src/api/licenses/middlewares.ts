import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { clientIp, rateLimit } from "../utils/rate-limit"
import { LicenseActivate, LicenseDeactivate, LicenseValidate } from "./validators"

const HOUR = 3_600_000

/** The license API answers software, not people: generous per address, but bounded so keys cannot be guessed at speed. */
const perAddress = rateLimit([{ name: "license-api:ip", limit: 3_600, periodMs: HOUR, burst: 120, subject: clientIp }])

export const licenseApiMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/licenses/validate", middlewares: [perAddress, validateAndTransformBody(LicenseValidate)] },
  { method: ["POST"], matcher: "/licenses/activate", middlewares: [perAddress, validateAndTransformBody(LicenseActivate)] },
  { method: ["POST"], matcher: "/licenses/deactivate", middlewares: [perAddress, validateAndTransformBody(LicenseDeactivate)] },
]
