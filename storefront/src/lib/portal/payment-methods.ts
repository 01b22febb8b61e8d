import "server-only"

import { portalFetch } from "./client"
import type {
  PortalAddPaymentMethodBody,
  PortalAddPaymentMethodResponse,
  PortalCreateTestCardBody,
  PortalCreateTestCardResponse,
  PortalPaymentMethodsResponse,
} from "./types"

/**
 * `GET /store/portal/payment-methods`: the methods saved with the customer's account; with a
 * subscription, exactly those that can pay it.
 */
export async function listPaymentMethods(sessionToken: string, subscriptionId?: string): Promise<PortalPaymentMethodsResponse> {
  return portalFetch<PortalPaymentMethodsResponse>("/store/portal/payment-methods", {
    token: sessionToken,
    ...(subscriptionId ? { query: { subscription_id: subscriptionId } } : {}),
  })
}

/**
 * `POST /store/test-cards`: the test provider's card form. A public route: it takes the number
 * and answers with a card id, so the number goes this one way and is never sent anywhere else.
 * 400 with a sentence for the customer for a number that is not a test card or an expired card.
 */
export async function createTestCard(body: PortalCreateTestCardBody): Promise<PortalCreateTestCardResponse> {
  return portalFetch<PortalCreateTestCardResponse>("/store/test-cards", { method: "POST", body })
}

/**
 * `POST /store/portal/payment-methods` (201): saves the card a provider's form produced with the
 * customer's account. 400 with a sentence for the customer when the provider refuses the card.
 */
export async function addPaymentMethod(
  sessionToken: string,
  body: PortalAddPaymentMethodBody
): Promise<PortalAddPaymentMethodResponse> {
  return portalFetch<PortalAddPaymentMethodResponse>("/store/portal/payment-methods", {
    method: "POST",
    token: sessionToken,
    body,
  })
}
