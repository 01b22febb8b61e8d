import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { customerIdsSharingEmail } from "../lib/customer-records"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"

/**
 * A customer record was created (a guest checkout with a known email, say),
 * changed (its email) or deleted: portal sessions that see it, or see a record
 * with its email, work out their customer records again on their next request
 * instead of up to a minute later.
 */
export default async function customerChangedHandler({ event, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = (Array.isArray(event.data) ? event.data : [event.data]).map((d) => d?.id).filter((id): id is string => typeof id === "string")
  const affected = new Set(ids)
  if (event.name !== "customer.deleted") {
    const customers = container.resolve(Modules.CUSTOMER)
    for (const id of ids) {
      for (const sharing of await customerIdsSharingEmail(customers, id)) affected.add(sharing)
    }
  }
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  await service.forgetSessionCustomers([...affected])
}

export const config: SubscriberConfig = {
  event: ["customer.created", "customer.updated", "customer.deleted"],
  context: { subscriberId: "customer-portal-customer-changed" },
}
