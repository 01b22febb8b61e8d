import { cancellationRefusal, undoCancellationRefusal } from "../../lib/portal-policy"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { CustomerPortalDTO, InvoiceDTO, SubscriptionDTO } from "../../modules/customer-portal/service"
import type { PortalContext } from "./portal-auth"

export const SUBSCRIPTION_NOT_FOUND = "There is no such subscription in your account."

/** A subscription of the signed-in customer (any record with their email, in the session's mode); anyone else's is a 404. */
export async function ownSubscription(scope: MedusaContainer, portal: PortalContext, id: string): Promise<SubscriptionDTO> {
  const service: CustomerPortalModuleService = scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [sub] = await service.listSubscriptions({ id, customer_id: portal.customer_ids, mode: portal.mode }, { take: 1 })
  if (!sub) throw new MedusaError(MedusaError.Types.NOT_FOUND, SUBSCRIPTION_NOT_FOUND)
  return sub
}

/** What the customer may do with a subscription, by the portal settings and its state. */
export function cancellationOptions(
  portal: Pick<CustomerPortalDTO, "allow_cancellation" | "cancellation_mode"> & Partial<Pick<CustomerPortalDTO, "allow_payment_method_update">>,
  sub: SubscriptionDTO
) {
  const live = sub.status === "active" || sub.status === "on_hold"
  return {
    // The rule the cancellation workflow applies, asked for each choice.
    cancel: (["now", "period_end"] as const).filter((when) => !cancellationRefusal(portal, sub, when, "customer")),
    undo_cancel: !undoCancellationRefusal(sub),
    change_payment_method: live && portal.allow_payment_method_update !== false,
  }
}

/** A subscription as its customer sees it: amounts in minor units, no internal references. */
export function presentSubscription(
  sub: SubscriptionDTO,
  options: {
    portal: Pick<CustomerPortalDTO, "allow_cancellation" | "cancellation_mode"> & Partial<Pick<CustomerPortalDTO, "allow_payment_method_update">>
    outstanding?: InvoiceDTO | null
  }
) {
  return {
    id: sub.id,
    plan_title: sub.plan_title,
    status: sub.status,
    quantity: sub.quantity,
    amount: Number(sub.amount),
    currency_code: sub.currency_code,
    interval: sub.interval,
    interval_count: sub.interval_count,
    current_period_start: sub.current_period_start,
    current_period_end: sub.current_period_end,
    next_renewal_at: sub.next_renewal_at,
    cancel_at_period_end: sub.cancel_at_period_end,
    cancelled_at: sub.cancelled_at,
    cancellation_reason: sub.cancellation_reason,
    ended_at: sub.ended_at,
    on_hold_since: sub.on_hold_since,
    started_at: sub.created_at,
    payment_method: sub.payment_method_last4
      ? {
          brand: sub.payment_method_brand,
          last4: sub.payment_method_last4,
          exp_month: sub.payment_method_exp_month,
          exp_year: sub.payment_method_exp_year,
        }
      : null,
    outstanding: options.outstanding
      ? {
          invoice_id: options.outstanding.id,
          number: options.outstanding.number,
          amount: Number(options.outstanding.total),
          currency_code: options.outstanding.currency_code,
          reason: (options.outstanding.metadata as { last_payment_error?: string } | null)?.last_payment_error ?? null,
          /** The provider's code (card_declined, insufficient_funds, authentication_required, expired_card…), for a translated sentence. */
          reason_code: (options.outstanding.metadata as { last_payment_error_code?: string } | null)?.last_payment_error_code ?? null,
        }
      : null,
    actions: cancellationOptions(options.portal, sub),
  }
}

/** The open renewal invoices of on-hold subscriptions, by subscription: what the customer owes. */
export async function outstandingBySubscription(service: CustomerPortalModuleService, subs: SubscriptionDTO[]) {
  const held = subs.filter((s) => s.status === "on_hold").map((s) => s.id)
  if (!held.length) return new Map<string, InvoiceDTO>()
  const open = await service.listInvoices({ subscription_id: held, status: "open" }, { order: { issued_at: "DESC" } })
  const map = new Map<string, InvoiceDTO>()
  for (const invoice of open) if (!map.has(invoice.subscription_id!)) map.set(invoice.subscription_id!, invoice)
  return map
}
