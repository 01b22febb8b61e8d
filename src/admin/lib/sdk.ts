import Medusa from "@medusajs/js-sdk"

/** The admin's own session: requests go to the server that serves the dashboard. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  auth: { type: "session" },
})
