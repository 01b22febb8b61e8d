import "server-only"

export { listActivity, signOutEverywhere } from "./activity"
export { lookUpLink, redeemLink, requestEmailConfirmation, requestLoginLink, signOut, type LinkLookup } from "./auth"
export { getBusiness, lookUpBusiness, type BusinessLookup } from "./business"
export { isFetchError, isUnreachable, portalFetch, PortalFetchError, type PortalFetchInit } from "./client"
export { getPortalConfig, type PortalConfig } from "./config"
export { cancelEmailChange, confirmEmailChange, getMe, requestEmailChange, updateMe } from "./customer"
export { describeError, toFailure } from "./errors"
export { getInvoice, listInvoices } from "./invoices"
export {
  deactivateLicenseActivation,
  getLicenseKey,
  listLicenseKeys,
  revealLicenseKey,
} from "./license-keys"
export { formatMinorUnits, formatMinorUnitsToParts, fromMinorUnits } from "./money"
export { listOrders } from "./orders"
export { addPaymentMethod, createTestCard, listPaymentMethods } from "./payment-methods"
export { signInPath } from "./paths"
export { clearSessionCookie, getSessionToken, SESSION_COOKIE, setSessionCookie } from "./session"
export {
  cancelSubscription,
  changeSubscriptionPaymentMethod,
  getSubscription,
  listSubscriptions,
  undoCancelSubscription,
} from "./subscriptions"
export type * from "./types"
