import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** A 404 unless the store has this product variant (plans and license terms are set per variant). */
export async function ensureProductVariant(scope: MedusaContainer, id: string): Promise<void> {
  const [variant] = await scope.resolve(Modules.PRODUCT).listProductVariants({ id }, { take: 1, select: ["id"] })
  if (!variant) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no product variant with the id ${id}.`)
  }
}
