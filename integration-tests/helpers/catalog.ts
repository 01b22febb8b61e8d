import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"

/**
 * A region in USD with the system and test card payment providers and one digital product
 * (no shipping, no inventory), made through Medusa's workflows.
 */
export async function createDigitalCatalog(container: MedusaContainer, price = 49, providers = ["pp_system_default", "pp_test-card_test"]) {
  const [salesChannel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "US", currency_code: "usd", countries: ["us"], payment_providers: providers }] },
  })
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Desktop app",
          status: "published",
          options: [{ title: "Seats", values: ["1"] }],
          variants: [{ title: "1 seat", manage_inventory: false, options: { Seats: "1" }, prices: [{ amount: price, currency_code: "usd" }] }],
          sales_channels: [{ id: salesChannel.id }],
        },
      ],
    },
  })
  return { region, salesChannel, variant: product.variants[0] }
}
