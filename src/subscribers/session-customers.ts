import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { customerIdsSharingEmail } from "../lib/customer-records"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"

type Ids = { id: string } | { id: string }[]

/**
 * A customer record appeared (a guest checkout with a known email places an
 * order with a new record), changed (its email) or went away: the portal
 * sessions that see it, or see a record with its email, work out their
 * customer records again on their next request instead of up to a minute
 * later (see `authenticateSession`).
 */
export default async function sessionCustomersHandler({ event, container }: SubscriberArgs<Ids>) {
  const ids = (Array.isArray(event.data) ? event.data : [event.data]).map((d) => d?.id).filter((id): id is string => typeof id === "string")
  let customerIds = ids
  if (event.name === "order.placed") {
    const { data: orders } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["customer_id"], filters: { id: ids } })
    customerIds = orders.map((o: any) => o.customer_id).filter(Boolean)
  }
  const affected = new Set(customerIds)
  if (event.name !== "customer.deleted") {
    const customers = container.resolve(Modules.CUSTOMER)
    for (const id of customerIds) {
      for (const sharing of await customerIdsSharingEmail(customers, id)) affected.add(sharing)
    }
  }
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  await service.forgetSessionCustomers([...affected])
}

export const config: SubscriberConfig = {
  event: ["customer.created", "customer.updated", "customer.deleted", "order.placed"],
  context: { subscriberId: "customer-portal-session-customers" },
}
