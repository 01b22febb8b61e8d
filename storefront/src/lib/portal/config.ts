import "server-only"

import { connection } from "next/server"

export type PortalConfig = {
  backendUrl: string
  publishableKey: string | undefined
  businessId: string | undefined
}

function readEnv(name: string): string | undefined {
  const value = process.env[name]?.trim()
  return value ? value : undefined
}

/**
 * The portal's settings from the environment. Awaiting `connection()` makes every caller
 * render at request time: `next build` never bakes in the build machine's environment,
 * and never calls the backend.
 */
export async function getPortalConfig(): Promise<PortalConfig> {
  await connection()
  return {
    backendUrl: readEnv("MEDUSA_BACKEND_URL") ?? "http://localhost:9000",
    publishableKey: readEnv("MEDUSA_PUBLISHABLE_KEY"),
    businessId: readEnv("PORTAL_BUSINESS_ID"),
  }
}
