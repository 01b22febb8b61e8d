import type { Context, DAL, InferTypeOf } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateBusinessId } from "../../lib/tokens"
import {
  CustomerPortal,
  Invoice,
  InvoiceLine,
  LicenseActivation,
  LicenseKey,
  PortalLink,
  PortalSession,
  Subscription,
} from "./models"
import { resolvePortalOptions, type ResolvedPortalOptions } from "./options"
import { canTransition, type SubscriptionStatus } from "./subscription-state"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
}

export type CustomerPortalDTO = InferTypeOf<typeof CustomerPortal>
export type SubscriptionDTO = InferTypeOf<typeof Subscription>

/**
 * The customer portal's data service. Generated CRUD comes from MedusaService;
 * the methods below hold the rules that must hold whoever calls them: one portal
 * per store with both static links, subscription state changes only along the
 * state machine, and gap-free invoice numbers.
 */
export default class CustomerPortalModuleService extends MedusaService({
  CustomerPortal,
  PortalLink,
  PortalSession,
  Subscription,
  Invoice,
  InvoiceLine,
  LicenseKey,
  LicenseActivation,
}) {
  protected readonly options_: ResolvedPortalOptions

  constructor(container: InjectedDependencies, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolvePortalOptions(options)
  }

  getOptions(): ResolvedPortalOptions {
    return this.options_
  }

  /**
   * Returns the store's portal, creating it with both static links the first
   * time. Safe to call concurrently: the unique business id and the unique
   * static link per mode make a second creator fail, and it then reads the
   * winner's row.
   */
  @InjectManager()
  async ensurePortal(
    defaults: { name: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CustomerPortalDTO> {
    const [existing] = await this.listCustomerPortals({}, { take: 1, order: { created_at: "ASC" } }, sharedContext)
    if (existing) {
      return existing
    }
    try {
      return await this.createPortal_(defaults, sharedContext)
    } catch (error) {
      const [winner] = await this.listCustomerPortals({}, { take: 1, order: { created_at: "ASC" } }, sharedContext)
      if (winner) {
        return winner
      }
      throw error
    }
  }

  @InjectTransactionManager()
  protected async createPortal_(
    defaults: { name: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CustomerPortalDTO> {
    const manager = sharedContext.transactionManager as EntityManager
    // One portal per store: serialise first creation across processes.
    await manager.execute("SELECT pg_advisory_xact_lock(hashtext('customer_portal:create'))")
    const [existing] = await this.listCustomerPortals({}, { take: 1 }, sharedContext)
    if (existing) {
      return existing
    }
    const portal = await this.createCustomerPortals(
      {
        business_id: generateBusinessId(),
        name: defaults.name,
        mode: this.options_.mode,
        default_locale: this.options_.defaultLocale,
      },
      sharedContext
    )
    await this.createPortalLinks(
      (["test", "live"] as const).map((mode) => ({ portal_id: portal.id, kind: "static" as const, mode })),
      sharedContext
    )
    return portal
  }

  /**
   * Moves a subscription to `to` with `fields`, if and only if its current
   * status allows it. The row is locked first, so of two concurrent changes the
   * second sees the first's result and is refused if it no longer applies.
   */
  @InjectTransactionManager()
  async transitionSubscription(
    id: string,
    to: SubscriptionStatus,
    fields: Partial<Omit<SubscriptionDTO, "id" | "status">> = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SubscriptionDTO> {
    const manager = sharedContext.transactionManager as EntityManager
    const [row] = (await manager.execute(
      "SELECT status FROM subscription WHERE id = ? AND deleted_at IS NULL FOR UPDATE",
      [id]
    )) as { status: SubscriptionStatus }[]
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Subscription with id: ${id} was not found`)
    }
    if (!canTransition(row.status, to)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `A subscription that is ${row.status} cannot become ${to}.`
      )
    }
    await this.updateSubscriptions({ ...fields, id, status: to } as any, sharedContext)
    return await this.retrieveSubscription(id, {}, sharedContext)
  }

  /**
   * Hands out the next invoice number of a portal. Must run inside the
   * transaction that creates the invoice: the row lock taken by the UPDATE
   * serialises concurrent issuers, and a rollback returns the number, so
   * numbers have neither gaps nor duplicates.
   */
  @InjectTransactionManager()
  async allocateInvoiceNumber(
    portalId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ sequence: number; number: string }> {
    const manager = sharedContext.transactionManager as EntityManager
    const rows = (await manager.execute(
      `UPDATE customer_portal SET invoice_sequence = invoice_sequence + 1, updated_at = now()
       WHERE id = ? AND deleted_at IS NULL RETURNING invoice_sequence`,
      [portalId]
    )) as { invoice_sequence: number }[]
    if (!rows.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer portal with id: ${portalId} was not found`)
    }
    const sequence = Number(rows[0].invoice_sequence)
    return { sequence, number: `${this.options_.invoiceNumberPrefix}${String(sequence).padStart(6, "0")}` }
  }
}
