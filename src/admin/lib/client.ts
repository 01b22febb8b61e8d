import { useQuery } from "@tanstack/react-query"
import { createCustomerPortalClient } from "../../client"
import { sdk } from "./sdk"

/** The plugin's admin routes, typed, with the admin's own session. */
export const portalClient = createCustomerPortalClient(sdk)

export const PORTAL_SETTINGS_KEY = ["customer-portal"]

/** The portal settings and static links, cached under one key for every admin screen. */
export const usePortalSettings = (options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: PORTAL_SETTINGS_KEY, queryFn: () => portalClient.settings.retrieve(), ...options })
