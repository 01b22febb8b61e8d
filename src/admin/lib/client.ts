import { useQuery } from "@tanstack/react-query"
import { createCustomerPortalClient } from "../../client"
import { sdk } from "./sdk"

/** The plugin's admin routes, typed, with the admin's own session. */
export const portalClient = createCustomerPortalClient(sdk)

export const PORTAL_SETTINGS_KEY = ["customer-portal"]

/** Where the backend is: the dashboard's own server unless the build says otherwise. */
const BACKEND = (import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")

/** The URL an invoice's PDF downloads from, with the admin's session cookie. */
export const invoicePdfUrl = (id: string, locale?: "en" | "ar") => `${BACKEND}${portalClient.invoices.pdfPath(id, locale)}`

/** The portal settings and static links, cached under one key for every admin screen. */
export const usePortalSettings = (options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: PORTAL_SETTINGS_KEY, queryFn: () => portalClient.settings.retrieve(), ...options })
