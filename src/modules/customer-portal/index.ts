import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import CustomerPortalModuleService from "./service"

export const CUSTOMER_PORTAL_MODULE = "customer_portal"

export default Module(CUSTOMER_PORTAL_MODULE, {
  service: CustomerPortalModuleService,
  loaders: [validateOptionsLoader],
})

export { CustomerPortalModuleService }
export * from "./options"
