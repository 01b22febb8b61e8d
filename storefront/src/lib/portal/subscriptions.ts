import "server-only"

import type { AppLocale } from "@/i18n/routing"
import { portalFetch } from "./client"
import type {
  PortalCancelSubscriptionBody,
  PortalChangePaymentMethodBody,
  PortalChangePaymentMethodResponse,
  PortalSubscriptionChangeResponse,
  PortalSubscriptionResponse,
  PortalSubscriptionsResponse,
  PortalSubscriptionState,
} from "./types"

/**
 * `GET /store/portal/subscriptions`: the customer's current (active, on hold) or past (cancelled,
 * expired) subscriptions, newest first; `limit` is 1 to 50. 401 once the session has ended.
 */
export async function listSubscriptions(
  sessionToken: string,
  {
    state,
    limit = 10,
    offset = 0,
  }: { state: PortalSubscriptionState; limit?: number; offset?: number }
): Promise<PortalSubscriptionsResponse> {
  return portalFetch<PortalSubscriptionsResponse>("/store/portal/subscriptions", {
    token: sessionToken,
    query: { state, limit, offset },
  })
}

/**
 * `GET /store/portal/subscriptions/:id` with its latest five invoices; 404 for a subscription
 * that is not the customer's, 401 once the session has ended.
 */
export async function getSubscription(
  sessionToken: string,
  subscriptionId: string
): Promise<PortalSubscriptionResponse> {
  return portalFetch<PortalSubscriptionResponse>(
    `/store/portal/subscriptions/${encodeURIComponent(subscriptionId)}`,
    { token: sessionToken }
  )
}

/**
 * `POST /store/portal/subscriptions/:id/cancel`. A refusal is a 400 whose `message` is written
 * for the customer (see `PortalFetchError.bodyMessage`). The locale picks the email's language.
 */
export async function cancelSubscription(
  sessionToken: string,
  subscriptionId: string,
  body: PortalCancelSubscriptionBody,
  locale: AppLocale
): Promise<PortalSubscriptionChangeResponse> {
  return portalFetch<PortalSubscriptionChangeResponse>(
    `/store/portal/subscriptions/${encodeURIComponent(subscriptionId)}/cancel`,
    { method: "POST", token: sessionToken, body, query: { locale } }
  )
}

/** `POST /store/portal/subscriptions/:id/undo-cancel`; 400 when there is no cancellation to undo. */
export async function undoCancelSubscription(
  sessionToken: string,
  subscriptionId: string,
  locale: AppLocale
): Promise<PortalSubscriptionChangeResponse> {
  return portalFetch<PortalSubscriptionChangeResponse>(
    `/store/portal/subscriptions/${encodeURIComponent(subscriptionId)}/undo-cancel`,
    { method: "POST", token: sessionToken, body: {}, query: { locale } }
  )
}

/**
 * `POST /store/portal/subscriptions/:id/payment-method`. For a subscription on hold it also
 * charges the dues. `idempotencyKey` is new for every press of the customer's button: the
 * backend answers a repeated key with its first answer, so one press never charges twice.
 * A failed charge is a 402 (`PortalFetchError.code` says why), a change already running a 409.
 */
export async function changeSubscriptionPaymentMethod(
  sessionToken: string,
  subscriptionId: string,
  body: PortalChangePaymentMethodBody,
  idempotencyKey: string,
  locale: AppLocale
): Promise<PortalChangePaymentMethodResponse> {
  return portalFetch<PortalChangePaymentMethodResponse>(
    `/store/portal/subscriptions/${encodeURIComponent(subscriptionId)}/payment-method`,
    {
      method: "POST",
      token: sessionToken,
      body,
      query: { locale },
      headers: { "idempotency-key": idempotencyKey },
      // A charge can take longer than a read; the key makes a retry after a timeout safe.
      signal: AbortSignal.timeout(30_000),
    }
  )
}
