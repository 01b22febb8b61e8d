import { defineMiddlewares } from "@medusajs/framework/http"
import { adminPortalMiddlewares } from "./admin/middlewares"
import { licenseApiMiddlewares } from "./licenses/middlewares"
import { storePortalMiddlewares } from "./store/portal/middlewares"

export default defineMiddlewares({
  routes: [...storePortalMiddlewares, ...adminPortalMiddlewares, ...licenseApiMiddlewares],
})
