import "server-only"

export { getBusiness } from "./business"
export { isFetchError, portalFetch, type PortalFetchInit } from "./client"
export { getPortalConfig, type PortalConfig } from "./config"
export type * from "./types"
