import { validateAndTransformBody, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/**
 * Medusa's `validateAndTransformBody`, with its answers, except where its
 * message cannot be written: it quotes the value it received, and a value
 * that cannot become text (`[{ "toString": false }]`) made it throw a
 * TypeError, answered as a 500. That body is refused here with a 400 that
 * names the field instead.
 */
export function validateBody(schema: z.ZodType) {
  const medusa = validateAndTransformBody(schema as any)
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    medusa(req, res, (error?: unknown) => {
      if (error && !(error instanceof MedusaError)) {
        const parsed = schema.safeParse(req.body)
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          const name = issue.path.join(".") || "body"
          return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Field '${name}' is not valid: ${issue.message}`))
        }
      }
      return next(error as any)
    })
}
