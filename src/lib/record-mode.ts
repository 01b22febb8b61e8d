import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { TEST_CARD_PROVIDER } from "./payment-adapters/test-card"

export type PortalMode = "test" | "live"

/**
 * Whether a payment provider moves test money: the test card provider always;
 * any other only when the merchant lists it in `testPaymentProviders` (or
 * gives it a `pk_test_` publishable key in `paymentProviders`, which the
 * options add to that list).
 */
export function isTestProvider(providerId: string | null | undefined, testProviders: readonly string[]): boolean {
  return !!providerId && (TEST_CARD_PROVIDER.test(providerId) || testProviders.includes(providerId))
}

/** The mode a payment method's provider gives what it pays for. */
export const providerMode = (providerId: string | null | undefined, testProviders: readonly string[]): PortalMode =>
  isTestProvider(providerId, testProviders) ? "test" : "live"

/**
 * An order's mode is the mode of the money that paid it: test when it was paid
 * only through test providers, live otherwise (a manual or free order too).
 * It never follows the portal's setting, so a test card cannot make a live
 * record and a live payment cannot make a test one.
 */
export function modeOfPayments(providerIds: (string | null | undefined)[], testProviders: readonly string[]): PortalMode {
  const paid = providerIds.filter((id): id is string => !!id)
  return paid.length > 0 && paid.every((id) => isTestProvider(id, testProviders)) ? "test" : "live"
}

/** The mode of an order, read from its payments (or, before any payment exists, its authorized sessions). */
export async function orderMode(container: MedusaContainer, orderId: string): Promise<PortalMode> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.provider_id", "payment_collections.payment_sessions.provider_id", "payment_collections.payment_sessions.status"],
    filters: { id: orderId },
  })
  const collections: any[] = (order as any)?.payment_collections ?? []
  const payments = collections.flatMap((c) => c.payments ?? []).map((p: any) => p.provider_id)
  const sessions = collections
    .flatMap((c) => c.payment_sessions ?? [])
    .filter((s: any) => s.status === "authorized" || s.status === "captured")
    .map((s: any) => s.provider_id)
  return modeOfPayments(payments.length ? payments : sessions, service.getOptions().testPaymentProviders)
}

/**
 * Whether a customer record holds anything live: an invoice (every order has
 * one), a subscription or a license key paid with real money. A test session
 * changes nothing about such a customer (their name, phone or email), so
 * testing the portal cannot alter a real customer's details.
 */
export async function hasLiveRecords(container: MedusaContainer, customerId: string): Promise<boolean> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const filter = { customer_id: customerId, mode: "live" as const }
  const one = { select: ["id"], take: 1 }
  const found = await Promise.all([service.listInvoices(filter, one), service.listSubscriptions(filter, one), service.listLicenseKeys(filter, one)])
  return found.some((rows) => rows.length > 0)
}
