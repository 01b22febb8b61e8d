import type { LoaderOptions } from "@medusajs/framework/types"
import { resolvePortalOptions } from "../options"

/**
 * Checks the plugin options when the module loads, so a wrong option stops
 * boot with a sentence naming it instead of failing on the first request.
 * Under NODE_ENV=production it also refuses a live storefront on http://.
 */
export default async function validateOptionsLoader({ options }: LoaderOptions): Promise<void> {
  resolvePortalOptions(options)
}
