import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { issueSubscriptionInvoice } from "../../src/workflows/billing/subscription-invoice"

/** One customer's objects in the portal: what the access tests try to reach. */
export type OwnedObjects = {
  customer_id: string
  subscription_id: string
  invoice_id: string
  invoice_number: string
  license_key_id: string
  license_key: string
  activation_id: string
}

/**
 * Gives a customer one of each object the portal shows — an active monthly
 * subscription, its period's invoice, a license key (`TAG-0000-0000-0000`)
 * and one activation of it — straight through the module, in `mode`.
 */
export async function createOwnedObjects(
  container: MedusaContainer,
  input: { portal_id: string; mode: "test" | "live"; customer_id: string; tag: string; now: Date }
): Promise<OwnedObjects> {
  const service = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
  const { portal_id, mode, customer_id, tag, now } = input
  const periodEnd = new Date(now.getTime() + 30 * 86_400_000)
  const [sub] = await service.createSubscriptions([
    {
      portal_id,
      mode,
      customer_id,
      product_variant_id: `variant_${tag.toLowerCase()}`,
      plan_title: `${tag} plan`,
      interval: "month",
      amount: 1999,
      currency_code: "usd",
      current_period_start: now,
      current_period_end: periodEnd,
      next_renewal_at: periodEnd,
    } as any,
  ])
  const { invoice } = await issueSubscriptionInvoice(container, sub as any, {
    source_type: "renewal",
    source_id: `${sub.id}:${tag}`,
    issued_at: now,
    payment_method_label: null,
  })
  const key = `${tag}-0000-0000-0000`
  const [license_key_id] = await service.issueLicenseKeys([
    {
      portal_id,
      mode,
      key,
      customer_id,
      order_id: `order_${tag}`,
      order_line_item_id: `ordli_${tag}`,
      line_unit: 0,
      product_variant_id: null,
      subscription_id: null,
      product_title: `${tag} tool`,
      activation_limit: 3,
      expires_at: null,
      disabled_at: null,
    },
  ])
  const activated = (await service.activateLicense({ key, instance_name: `${tag}-laptop`, mode, now })) as { activation: { id: string } }
  return {
    customer_id,
    subscription_id: sub.id,
    invoice_id: invoice.id,
    invoice_number: invoice.number,
    license_key_id,
    license_key: key,
    activation_id: activated.activation.id,
  }
}
