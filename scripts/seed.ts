import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createCustomersWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import fs from "node:fs"
import path from "node:path"
import { ensureCustomerPortalWorkflow } from "../src/workflows/ensure-customer-portal"
import { syncOrderInvoiceWorkflow } from "../src/workflows/sync-order-invoice"
import { updateCustomerPortalWorkflow } from "../src/workflows/update-customer-portal"
import { renewDueSubscriptions } from "../src/lib/renew-due-subscriptions"
import { CUSTOMER_PORTAL_MODULE } from "../src/modules/customer-portal"
import type CustomerPortalModuleService from "../src/modules/customer-portal/service"
import { createCard, type Db } from "../src/providers/test-card/cards"
import { issueOrderLicenseKeysWorkflow } from "../src/workflows/issue-order-license-keys"
import { startOrderSubscriptionsWorkflow } from "../src/workflows/start-order-subscriptions"
import { placeOrder } from "./fixtures/commerce"

/**
 * The demo store, seeded once through Medusa's own workflows: a store and
 * region, a publishable key, products (one meant to be a subscription plan,
 * one meant to carry license keys), customers (registered, guest, and one
 * email with both records) and orders placed by completing carts.
 * Run with `medusa exec ./scripts/seed.ts`; running it again changes nothing.
 * Writes what scripts need to DEMO_INFO_FILE (default .demo/seed.json).
 */

const STORE_NAME = "Northwind Studio"
const KEY_TITLE = "Customer portal demo storefront"
export const DEMO_ADMIN = { email: "admin@example.com", password: "supersecret" }
const DEMO_PASSWORD = "supersecret"

type DemoCustomer = { email: string; first_name: string; last_name: string; phone?: string; account: boolean }
const CUSTOMERS: DemoCustomer[] = [
  { email: "layla@example.com", first_name: "Layla", last_name: "Haddad", phone: "+971501234567", account: true },
  { email: "sam@example.com", first_name: "Sam", last_name: "Carter", account: false },
  // The same person bought once as a guest and once with an account.
  { email: "noor@example.com", first_name: "Noor", last_name: "Saleh", account: false },
  { email: "noor@example.com", first_name: "Noor", last_name: "Saleh", account: true },
]

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const infoFile = process.env.DEMO_INFO_FILE || path.join(process.cwd(), ".demo", "seed.json")

  const { data: keys } = await query.graph({ entity: "api_key", fields: ["token", "title"], filters: { title: KEY_TITLE } })
  if (keys.length) {
    logger.info("Demo data is already there; not seeding again.")
  } else {
    await seed(container)
  }

  await ensureAdmin(container)
  await backfillInvoices(container)
  await demoSubscriptions(container)
  await demoLicenseKeys(container)
  const { data: apiKeys } = await query.graph({ entity: "api_key", fields: ["token"], filters: { title: KEY_TITLE } })
  let { result: portal } = await ensureCustomerPortalWorkflow(container).run()
  if (!portal.business_address) {
    // What the invoices print as the seller; the merchant edits it under Settings → Customer portal.
    ;({ result: portal } = await updateCustomerPortalWorkflow(container).run({
      input: {
        update: {
          name: STORE_NAME,
          support_email: "help@northwind.example",
          business_address: {
            address_1: "221 Market Street",
            city: "San Francisco",
            province: "CA",
            postal_code: "94105",
            country_code: "us",
            tax_id: "US 12-3456789",
          },
        },
      },
    }))
  }
  const info = {
    store_name: STORE_NAME,
    publishable_key: apiKeys[0].token,
    business_id: portal.business_id,
    admin: DEMO_ADMIN,
    customers: [...new Set(CUSTOMERS.map((c) => c.email))],
    customer_password: DEMO_PASSWORD,
  }
  fs.mkdirSync(path.dirname(infoFile), { recursive: true })
  fs.writeFileSync(infoFile, JSON.stringify(info, null, 2))
  logger.info(`Demo data written to ${infoFile}`)
}

async function seed(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)

  logger.info("Seeding the demo store...")
  const [store] = await storeModule.listStores()
  const [salesChannel] = await salesChannelModule.listSalesChannels({}, { take: 1 })

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: STORE_NAME,
        supported_currencies: [{ currency_code: "usd", is_default: true }, { currency_code: "eur" }],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: "United States", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default", "pp_test-card_test"] }],
    },
  })

  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: KEY_TITLE, type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })

  // Digital goods: no shipping profile and no inventory, so carts complete without shipping.
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Northwind Pro",
          handle: "northwind-pro",
          description: "The Pro plan: every feature, billed on a schedule.",
          status: "published",
          options: [{ title: "Billing", values: ["Monthly", "Yearly"] }],
          variants: [
            {
              title: "Monthly",
              sku: "NW-PRO-MONTHLY",
              manage_inventory: false,
              options: { Billing: "Monthly" },
              prices: [{ amount: 19, currency_code: "usd" }, { amount: 18, currency_code: "eur" }],
              metadata: { intended_use: "subscription_plan", interval: "month", interval_count: 1 },
            },
            {
              title: "Yearly",
              sku: "NW-PRO-YEARLY",
              manage_inventory: false,
              options: { Billing: "Yearly" },
              prices: [{ amount: 190, currency_code: "usd" }, { amount: 180, currency_code: "eur" }],
              metadata: { intended_use: "subscription_plan", interval: "year", interval_count: 1 },
            },
          ],
          sales_channels: [{ id: salesChannel.id }],
        },
        {
          title: "Northwind Desktop",
          handle: "northwind-desktop",
          description: "The desktop app, licensed per user.",
          status: "published",
          options: [{ title: "Seats", values: ["1 user"] }],
          variants: [
            {
              title: "1 user",
              sku: "NW-DESKTOP-1",
              manage_inventory: false,
              options: { Seats: "1 user" },
              prices: [{ amount: 49, currency_code: "usd" }, { amount: 45, currency_code: "eur" }],
              metadata: { intended_use: "license_key", activation_limit: 3, key_prefix: "NWD" },
            },
          ],
          sales_channels: [{ id: salesChannel.id }],
        },
      ],
    },
  })
  const variant = (sku: string) => products.flatMap((p) => p.variants).find((v) => v.sku === sku)!

  const customerIds: Record<string, string> = {}
  for (const c of CUSTOMERS) {
    const data = { email: c.email, first_name: c.first_name, last_name: c.last_name, phone: c.phone }
    if (c.account) {
      const authModule = container.resolve(Modules.AUTH)
      const { authIdentity, error } = await authModule.register("emailpass", {
        body: { email: c.email, password: DEMO_PASSWORD },
      } as any)
      if (!authIdentity) throw new Error(`Could not register ${c.email}: ${error}`)
      const { result } = await createCustomerAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity.id, customerData: data },
      })
      customerIds[`${c.email}:account`] = result.id
    } else {
      const {
        result: [customer],
      } = await createCustomersWorkflow(container).run({ input: { customersData: [{ ...data, has_account: false }] } })
      customerIds[`${c.email}:guest`] = customer.id
    }
  }

  // The Pro variants are sold as subscriptions.
  const portalService = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
  await portalService.createSubscriptionPlans([
    { product_variant_id: variant("NW-PRO-MONTHLY").id, interval: "month", interval_count: 1 },
    { product_variant_id: variant("NW-PRO-YEARLY").id, interval: "year", interval_count: 1 },
  ])

  // Plans are bought with a saved test card (a subscription needs one to renew); the rest with the system provider.
  const orders: { customer: string; items: { sku: string; quantity: number }[]; card?: string }[] = [
    { customer: "layla@example.com:account", items: [{ sku: "NW-PRO-MONTHLY", quantity: 1 }], card: "4242424242424242" },
    { customer: "layla@example.com:account", items: [{ sku: "NW-DESKTOP-1", quantity: 2 }] },
    { customer: "sam@example.com:guest", items: [{ sku: "NW-DESKTOP-1", quantity: 1 }] },
    { customer: "noor@example.com:guest", items: [{ sku: "NW-DESKTOP-1", quantity: 1 }] },
    { customer: "noor@example.com:account", items: [{ sku: "NW-PRO-YEARLY", quantity: 1 }], card: "4242424242424242" },
  ]
  const db = container.resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION)
  for (const order of orders) {
    const [email] = order.customer.split(":")
    const card = order.card ? await createCard(db, { number: order.card, exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 }, new Date()) : null
    await placeOrder(container, {
      region_id: region.id,
      sales_channel_id: salesChannel.id,
      email,
      customer_id: customerIds[order.customer],
      items: order.items.map((i) => ({ variant_id: variant(i.sku).id, quantity: i.quantity })),
      ...(card ? { provider_id: "pp_test-card_test", payment_data: { payment_method_id: card.id, save_payment_method: true } } : {}),
    })
  }
  logger.info(`Seeded ${products.length} products, ${CUSTOMERS.length} customers and ${orders.length} orders.`)
}

/** Every order has its invoice: the seed's orders, and orders placed before the plugin was installed. */
async function backfillInvoices(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], pagination: { order: { created_at: "ASC" } } })
  for (const order of orders) {
    await syncOrderInvoiceWorkflow(container).run({ input: { order_id: order.id } })
  }
}

/**
 * Layla's monthly plan is active; Noor's yearly plan is on hold: it started a
 * year ago (its dates are moved back), its saved card was switched to the
 * test card that can be saved but never charged, and the real renewal job
 * ran — so the failed charge, the open invoice and the email are the real ones.
 */
async function demoSubscriptions(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], pagination: { order: { created_at: "ASC" } } })
  for (const order of orders) {
    await startOrderSubscriptionsWorkflow(container).run({ input: { order_id: order.id } })
  }
  if ((await service.listSubscriptions({ status: "on_hold" }, { take: 1 })).length) return
  const {
    data: [noor],
  } = await query.graph({ entity: "customer", fields: ["id", "account_holders.*"], filters: { email: "noor@example.com", has_account: true } })
  const [yearly] = noor ? await service.listSubscriptions({ customer_id: noor.id, status: "active" }, { take: 1 }) : []
  const holder = noor?.account_holders?.find((h: any) => h.provider_id === "pp_test-card_test")
  if (!yearly || !holder) return
  const db = container.resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION)
  const card = await createCard(db, { number: "4000000000000341", exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 }, new Date())
  const saved = await container
    .resolve(Modules.PAYMENT)
    .createPaymentMethods({ provider_id: "pp_test-card_test", data: { payment_method_id: card.id }, context: { account_holder: holder } as any })
  const now = Date.now()
  await service.updateSubscriptions({
    id: yearly.id,
    payment_method_id: saved.id,
    payment_method_last4: "0341",
    current_period_start: new Date(now - 365 * 86_400_000),
    current_period_end: new Date(now - 60_000),
    next_renewal_at: new Date(now - 60_000),
  })
  const summary = await renewDueSubscriptions(container)
  logger.info(`Demo subscriptions: Layla's is active; Noor's renewal was attempted (${summary.failed} on hold).`)
}

/**
 * The desktop app comes with license keys (three activations each, no
 * expiry, prefix NWD): every order of it gets its keys, as a placed order
 * does, and one of Layla's keys is already active on her laptop.
 */
async function demoLicenseKeys(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
  const [desktop] = await container.resolve(Modules.PRODUCT).listProductVariants({ sku: "NW-DESKTOP-1" }, { take: 1, select: ["id"] })
  if (!desktop) return
  if (!(await service.listLicensePlans({ product_variant_id: desktop.id }, { take: 1 })).length) {
    await service.createLicensePlans({ product_variant_id: desktop.id, activation_limit: 3, validity_days: null, key_prefix: "NWD" })
  }
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], pagination: { order: { created_at: "ASC" } } })
  for (const order of orders) {
    await issueOrderLicenseKeysWorkflow(container).run({ input: { order_id: order.id } })
  }
  const {
    data: [layla],
  } = await query.graph({ entity: "customer", fields: ["id"], filters: { email: "layla@example.com", has_account: true } })
  const [first] = layla ? await service.listLicenseKeys({ customer_id: layla.id }, { take: 1, order: { created_at: "ASC" } }) : []
  if (first && !(await service.countActivations([first.id])).get(first.id)) {
    await service.activateLicense({ key: first.key, instance_name: "Layla's MacBook Pro", mode: first.mode, now: new Date() })
  }
  logger.info(`Demo license keys: ${(await service.listLicenseKeys({}, { select: ["id"] })).length} issued.`)
}

async function ensureAdmin(container: MedusaContainer) {
  const userModule = container.resolve(Modules.USER)
  if ((await userModule.listUsers({ email: DEMO_ADMIN.email })).length) {
    return
  }
  const authModule = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
  } as any)
  if (!authIdentity) throw new Error(`Could not create the demo admin: ${error}`)
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email: DEMO_ADMIN.email, first_name: "Demo", last_name: "Admin" } },
  })
}
