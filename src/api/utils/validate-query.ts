import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/**
 * Validates the query string with a strict zod schema and keeps the result in
 * `req.validatedQuery`; a bad value is a 400 that names it.
 */
export function validateQuery(schema: z.ZodType) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.query)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const name = issue.path.join(".") || (issue as { keys?: string[] }).keys?.join(", ") || "query"
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid query parameter ${name}: ${issue.message}`))
    }
    req.validatedQuery = parsed.data as Record<string, unknown>
    next()
  }
}
