import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { TestCardPaymentProvider } from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [TestCardPaymentProvider],
})
