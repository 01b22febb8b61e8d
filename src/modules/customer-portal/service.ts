import type { Context, DAL, InferTypeOf } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { clock } from "../../lib/clock"
import { generateBusinessId } from "../../lib/tokens"
import { generateEntityId } from "@medusajs/framework/utils"
import {
  CustomerPortal,
  EmailProof,
  IdempotencyKey,
  Invoice,
  InvoiceLine,
  LicenseActivation,
  LicenseKey,
  LicensePlan,
  PortalActivity,
  PortalLink,
  PortalRateLimit,
  PortalSession,
  Subscription,
  SubscriptionPlan,
  TestCard,
} from "./models"
import { resolvePortalOptions, type ResolvedPortalOptions } from "./options"
import { canTransition, type SubscriptionStatus } from "./subscription-state"
import type { EmailProofMethod } from "./models/email-proof"
import * as access from "./services/access"
import * as charges from "./services/charge-attempts"
import * as idempotency from "./services/idempotency"
import * as licensing from "./services/licensing"
import * as locks from "./services/locks"
import * as purge from "./services/purge"
import * as rateLimits from "./services/rate-limits"
import { conditions, marks, ownedConditions, pageAndCount, USABLE_LINK_COLUMNS, type OwnedFilters } from "./services/sql"
import type { ChargeAttempt, InterruptedCharge } from "./services/charge-attempts"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
}

export type CustomerPortalDTO = InferTypeOf<typeof CustomerPortal>
export type SubscriptionDTO = InferTypeOf<typeof Subscription>
export type PortalSessionDTO = InferTypeOf<typeof PortalSession>
export type PortalLinkDTO = InferTypeOf<typeof PortalLink>

/** What the portal reads of a magic link that is about to be, or was just, used. */
export type UsableLink = Pick<
  PortalLinkDTO,
  "id" | "portal_id" | "customer_id" | "mode" | "purpose" | "new_email" | "sent_to_email" | "requested_by_session_id" | "expires_at" | "metadata"
> & { customer_id: string }

export type PortalActivityDTO = InferTypeOf<typeof PortalActivity>
export type InvoiceDTO = InferTypeOf<typeof Invoice>
/** An invoice's lines and totals as an order charged them (see `invoiceFromOrder`). */
export type InvoiceSnapshot = Pick<
  IssueInvoiceInput,
  "lines" | "subtotal" | "discount_total" | "shipping_total" | "tax_total" | "total" | "billing_address" | "payment_method_label"
>
export type LicenseKeyRow = Omit<InferTypeOf<typeof LicenseKey>, "activations">

/** An invoice as a list shows it: amounts in minor units, items named in `summary`. */
export type InvoiceSummary = {
  id: string
  number: string
  status: "open" | "paid" | "void" | "uncollectible"
  source_type: "order" | "renewal" | "dues"
  description: string | null
  currency_code: string
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  total: number
  issued_at: Date
  paid_at: Date | null
  voided_at: Date | null
  summary: string
}
export type SubscriptionPlanDTO = InferTypeOf<typeof SubscriptionPlan>
export type TestCardDTO = InferTypeOf<typeof TestCard>

/** Everything an invoice holds except what issuing assigns (number, sequence). */
export type IssueInvoiceInput = Omit<
  Partial<InvoiceDTO>,
  "id" | "number" | "sequence" | "lines" | "created_at" | "updated_at" | "deleted_at"
> &
  Pick<InvoiceDTO, "portal_id" | "mode" | "customer_id" | "source_type" | "source_id" | "currency_code" | "issued_at" | "customer_email"> & {
    subtotal: number
    discount_total: number
    shipping_total: number
    tax_total: number
    total: number
    lines: {
      kind?: "item" | "shipping"
      title: string
      description?: string | null
      product_variant_id?: string | null
      quantity: number
      unit_price: number
      subtotal: number
      discount_total: number
      tax_total: number
      total: number
      rank?: number
    }[]
  }

/** Where a request with an idempotency key stands when it arrives. */
export type IdempotentStart =
  | { state: "run"; id: string }
  | { state: "done"; status: number; body: unknown }
  | { state: "in_progress" }
  | { state: "mismatch" }

/** A license key as the license API sees it, with its active activations. */
export type LicenseState = {
  id: string
  key: string
  status: "active" | "disabled" | "revoked" | "expired"
  mode: "test" | "live"
  product_title: string
  activation_limit: number | null
  expires_at: Date | null
  activations: { id: string; instance_name: string; created_at: Date; last_validated_at: Date | null }[]
}

export { licenseModeRefusal, licenseRefusal } from "./services/licensing"

/** How long a session's last use and its set of customer records are trusted before they are written again. */
const SESSION_REFRESH_MS = 60_000

/** The purposes of links that open a session when used. */
const SESSION_PURPOSES = ["sign_in", "invite", "payment_recovery", "confirm_email"] as const

/** The portal settings a signed-in request needs, read with its session (one query, as fresh as the request). */
export const PORTAL_SETTINGS = [
  "allow_cancellation",
  "cancellation_mode",
  "allow_payment_method_update",
  "allow_profile_edit",
  "allow_license_deactivation",
  "default_locale",
] as const

export type PortalSettings = Pick<CustomerPortalDTO, (typeof PORTAL_SETTINGS)[number]>

/** What a redeemed link or a live session says about who is signed in. */
export type PortalIdentity = {
  session_id: string
  portal_id: string
  customer_id: string
  mode: "test" | "live"
  expires_at: Date
}

/** A live session: who it is for, what it proved and when, and the records it was last found to see. */
export type PortalSessionIdentity = PortalIdentity & {
  proven_email: string | null
  proven_at: Date | null
  /** Null when they must be worked out again (`rememberSessionCustomers`). */
  customer_ids: string[] | null
  email_confirmed: boolean
  settings: PortalSettings
}

/**
 * The customer portal's data service. Generated CRUD comes from MedusaService;
 * the methods below hold the rules that must hold whoever calls them: one portal
 * per store with both static links, subscription state changes only along the
 * state machine, and gap-free invoice numbers. Each method opens its manager or
 * transaction here; the statements of each domain live beside it, in
 * `services/`: `access` (links, sessions, proofs of email, revocation),
 * `charge-attempts` (a charge's attempt and its fencing token), `licensing`
 * (keys, activations, how a subscription's keys follow it), `rate-limits`,
 * `idempotency`, `locks`, `purge` (housekeeping) and `sql` (what the reads share).
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
  PortalRateLimit,
  SubscriptionPlan,
  TestCard,
  IdempotencyKey,
  LicensePlan,
  PortalActivity,
  EmailProof,
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
    // Read back, so the columns filled by database defaults are in the answer too.
    return await this.retrieveCustomerPortal(portal.id, {}, sharedContext)
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
    options: { fence?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SubscriptionDTO> {
    const manager = sharedContext.transactionManager as EntityManager
    // A charge's holder moves it only while its fencing token is current.
    if (options.fence !== undefined) await charges.assertChargeFence(manager, id, options.fence)
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
    await licensing.followSubscription(manager, id, to, clock.now())
    return await this.retrieveSubscription(id, {}, sharedContext)
  }

  /**
   * Starts an active subscription's next period after its renewal was paid,
   * while `fence` is the charge holder's token and the subscription is still
   * active (a cancellation that came first wins).
   */
  @InjectTransactionManager()
  async advanceSubscriptionPeriod(
    input: { id: string; fence: number; current_period_start: Date; current_period_end: Date; next_renewal_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SubscriptionDTO> {
    const manager = sharedContext.transactionManager as EntityManager
    await charges.assertChargeFence(manager, input.id, input.fence)
    const before = await this.retrieveSubscription(input.id, {}, sharedContext)
    if (before.status !== "active") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A subscription that is ${before.status} has no next period.`)
    }
    const { fence: _fence, ...fields } = input
    await this.updateSubscriptions(fields as any, sharedContext)
    return await this.retrieveSubscription(input.id, {}, sharedContext)
  }



  /**
   * The merchant revokes a license key (the license API refuses it from then
   * on, whatever its subscription does), or enables a revoked one again: it
   * then takes the state its subscription gives its keys, as
   * `followSubscription` sets it, or active. Returns the key as it was, for
   * undoing.
   */
  @InjectTransactionManager()
  async setLicenseKeyRevoked(
    input: { id: string; revoked: boolean; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LicenseKeyRow> {
    return licensing.setLicenseKeyRevoked(sharedContext.transactionManager as EntityManager, input)
  }

  /**
   * Revokes every key an order issued that is not revoked yet, with the
   * reason (the order was cancelled or refunded in full). Returns the keys
   * as they were, for undoing; the merchant can enable each again.
   */
  @InjectTransactionManager()
  async revokeOrderLicenseKeys(
    input: { order_id: string; reason: "order_canceled" | "order_refunded"; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LicenseKeyRow[]> {
    return licensing.revokeOrderLicenseKeys(sharedContext.transactionManager as EntityManager, input)
  }

  /** Puts a license key's state back as `setLicenseKeyRevoked` found it. */
  @InjectTransactionManager()
  async restoreLicenseKeyState(before: LicenseKeyRow, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return licensing.restoreLicenseKeyState(sharedContext.transactionManager as EntityManager, before)
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

  /**
   * Marks an unused, unexpired, unrevoked sign-in link as used and opens a
   * session for its customer, in one transaction. The link is claimed by a
   * single UPDATE … WHERE used_at IS NULL, so of any number of concurrent
   * redeems exactly one wins; the others find nothing and get null.
   *
   * A link the portal emailed proves its address: the session keeps it as
   * `proven_email`, and the proof is recorded. `replacing_token_hash` is the
   * session this browser had until now: it ends here (the browser's cookie is
   * replaced). When that session is the one that asked for this link (a
   * `confirm_email` link), the holder of its record has shown they hold the
   * mailbox too: the new session is for that record, and the proof
   * (`session_confirmation`) ties the record to the address from now on.
   */
  @InjectTransactionManager()
  async redeemLink(
    input: {
      token_hash: string
      session_token_hash: string
      now: Date
      ip?: string | null
      user_agent?: string | null
      replacing_token_hash?: string | null
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<(PortalIdentity & { proven_email: string | null; confirmed_session: boolean }) | null> {
    const manager = sharedContext.transactionManager as EntityManager
    const [link] = (await manager.execute(
      `UPDATE portal_link SET used_at = ?, updated_at = ?
       WHERE token_hash = ? AND kind = 'magic' AND purpose IN (${marks([...SESSION_PURPOSES])})
         AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ? AND deleted_at IS NULL
       RETURNING id, portal_id, customer_id, mode, sent_to_email, requested_by_session_id`,
      [input.now, input.now, input.token_hash, ...SESSION_PURPOSES, input.now]
    )) as {
      id: string
      portal_id: string
      customer_id: string
      mode: "test" | "live"
      sent_to_email: string | null
      requested_by_session_id: string | null
    }[]
    if (!link) {
      return null
    }
    const replaced = input.replacing_token_hash ? await access.endReplacedSession(manager, input.replacing_token_hash, input.now, this.options_.sessionIdleTimeoutMs) : null
    const confirmed = !!(link.sent_to_email && link.requested_by_session_id && replaced?.live && replaced.id === link.requested_by_session_id)
    const customerId = confirmed ? replaced!.customer_id : link.customer_id
    const expires_at = new Date(input.now.getTime() + this.options_.sessionTtlMs)
    const session = await this.createPortalSessions(
      {
        portal_id: link.portal_id,
        customer_id: customerId,
        mode: link.mode,
        token_hash: input.session_token_hash,
        link_id: link.id,
        expires_at,
        last_seen_at: input.now,
        proven_email: link.sent_to_email,
        proven_at: link.sent_to_email ? input.now : null,
        ip: input.ip?.slice(0, 64) ?? null,
        user_agent: input.user_agent?.slice(0, 512) ?? null,
      },
      sharedContext
    )
    if (link.sent_to_email) {
      await this.recordEmailProof({ email: link.sent_to_email, customer_id: link.customer_id, method: "emailed_link", link_id: link.id, now: input.now }, sharedContext)
    }
    if (confirmed) {
      await this.recordEmailProof({ email: link.sent_to_email!, customer_id: customerId, method: "session_confirmation", link_id: link.id, now: input.now }, sharedContext)
    }
    return {
      session_id: session.id,
      portal_id: link.portal_id,
      customer_id: customerId,
      mode: link.mode,
      expires_at,
      proven_email: link.sent_to_email,
      confirmed_session: confirmed,
    }
  }



  /**
   * Records that an address was proven for a customer record, and how: the
   * first time is kept, the latest replaces the one before. Addresses are
   * stored as `normalizeEmail` gives them.
   */
  @InjectTransactionManager()
  async recordEmailProof(
    input: { email: string; customer_id: string; method: EmailProofMethod; link_id?: string | null; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return access.recordEmailProof(sharedContext.transactionManager as EntityManager, input)
  }

  /** By address, the records confirmed for it from one of their sessions (`session_confirmation`), most recently first. */
  @InjectManager()
  async recordsConfirmedForEmails(emails: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, string[]>> {
    return access.recordsConfirmedForEmails(sharedContext.manager as EntityManager, emails)
  }

  /**
   * Of these customer records, the ones whose holder has shown they hold the
   * mailbox of `email` from a session of the record (`session_confirmation`),
   * most recently first.
   */
  async recordsConfirmedFor(email: string, customerIds: string[]): Promise<string[]> {
    if (!customerIds.length) return []
    const confirmed = (await this.recordsConfirmedForEmails([email])).get(email) ?? []
    return confirmed.filter((id) => customerIds.includes(id))
  }

  /**
   * Finds the live session a token belongs to: not revoked, before its
   * absolute expiry and used within the idle timeout. Refreshes last use at
   * most once a minute, so a busy page does not write on every request.
   * `customer_ids` is the session's remembered set of customer records, or
   * null when it is older than a minute and must be worked out again
   * (`rememberSessionCustomers`).
   */
  @InjectManager()
  async authenticateSession(
    tokenHash: string,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PortalSessionIdentity | null> {
    const manager = sharedContext.manager as EntityManager
    const idleSince = new Date(now.getTime() - this.options_.sessionIdleTimeoutMs)
    const [row] = (await manager.execute(
      `SELECT s.id, s.portal_id, s.customer_id, s.mode, s.expires_at, s.last_seen_at, s.customer_ids, s.customers_checked_at,
              s.proven_email, s.proven_at, s.email_confirmed,
              ${PORTAL_SETTINGS.map((column) => `p.${column}`).join(", ")}
       FROM portal_session s JOIN customer_portal p ON p.id = s.portal_id AND p.deleted_at IS NULL
       WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.deleted_at IS NULL AND s.expires_at > ? AND s.last_seen_at > ?`,
      [tokenHash, now, idleSince]
    )) as (PortalIdentity &
      PortalSettings & {
        id: string
        last_seen_at: Date
        customer_ids: string[] | null
        customers_checked_at: Date | null
        proven_email: string | null
        proven_at: Date | null
        email_confirmed: boolean | null
      })[]
    if (!row) {
      return null
    }
    if (now.getTime() - new Date(row.last_seen_at).getTime() > SESSION_REFRESH_MS) {
      await manager.execute("UPDATE portal_session SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?", [now, row.id, now])
    }
    const checkedAt = row.customers_checked_at ? new Date(row.customers_checked_at).getTime() : null
    const fresh = checkedAt !== null && checkedAt <= now.getTime() && now.getTime() - checkedAt <= SESSION_REFRESH_MS
    return {
      session_id: row.id,
      portal_id: row.portal_id,
      customer_id: row.customer_id,
      mode: row.mode,
      expires_at: new Date(row.expires_at),
      proven_email: row.proven_email,
      proven_at: row.proven_at ? new Date(row.proven_at) : null,
      customer_ids: fresh && row.customer_ids?.length ? row.customer_ids : null,
      email_confirmed: !!row.email_confirmed,
      settings: Object.fromEntries(PORTAL_SETTINGS.map((column) => [column, row[column]])) as PortalSettings,
    }
  }

  /** See `services/charge-attempts.ts`. */
  @InjectManager()
  async listInterruptedCharges(limit: number, @MedusaContext() sharedContext: Context = {}): Promise<InterruptedCharge[]> {
    return charges.listInterruptedCharges(sharedContext.manager as EntityManager, limit)
  }

  /** Takes the subscription's next fencing token (see `services/charge-attempts.ts`). */
  @InjectManager()
  async takeChargeFence(subscriptionId: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return charges.takeChargeFence(sharedContext.manager as EntityManager, subscriptionId)
  }

  @InjectManager()
  async holdsChargeFence(subscriptionId: string, fence: number, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    return charges.holdsChargeFence(sharedContext.manager as EntityManager, subscriptionId, fence)
  }

  @InjectManager()
  async attachChargeAttempt(
    input: { invoice_id: string; subscription_id: string; fence: number; cart_id: string; attempt: ChargeAttempt },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return charges.attachChargeAttempt(sharedContext.manager as EntityManager, input)
  }

  /**
   * Runs `job` — a capture or a refund at the provider — while holding the
   * subscription's row with `fence` checked, in one transaction: no newer
   * holder can take the subscription until the money has moved, and a holder
   * whose lease lapsed never moves it.
   */
  @InjectTransactionManager()
  async withChargeFence<T>(subscriptionId: string, fence: number, job: () => Promise<T>, @MedusaContext() sharedContext: Context = {}): Promise<T> {
    await charges.assertChargeFence(sharedContext.transactionManager as EntityManager, subscriptionId, fence)
    return await job()
  }

  @InjectManager()
  async detachChargeAttempt(
    input: { invoice_id: string; subscription_id: string; fence: number; cart_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return charges.detachChargeAttempt(sharedContext.manager as EntityManager, input)
  }

  @InjectManager()
  async isChargeOrder(orderId: string, cartId: string | null, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    return charges.isChargeOrder(sharedContext.manager as EntityManager, orderId, cartId)
  }

  /**
   * Records an invoice paid by a charge, with its lines and totals replaced
   * by `snapshot` (the order's, taxes as charged) when there is one, in one
   * transaction that holds the subscription's row and checks `fence` first:
   * a holder whose lease lapsed cannot record, and the newer holder's own
   * record waits for this one. Returns the invoice as it was, lines included,
   * for undoing.
   */
  @InjectTransactionManager()
  async recordPaidInvoice(
    input: {
      invoice_id: string
      subscription_id: string
      fence: number
      paid_at: Date
      order_id: string
      payment_id: string
      snapshot: InvoiceSnapshot | null
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<InvoiceDTO> {
    const manager = sharedContext.transactionManager as EntityManager
    await charges.assertChargeFence(manager, input.subscription_id, input.fence)
    const before = await this.retrieveInvoice(input.invoice_id, { relations: ["lines"] }, sharedContext)
    if (before.status === "paid") return before
    if (before.status !== "open") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `An invoice that is ${before.status} cannot be paid.`)
    }
    const { snapshot } = input
    if (snapshot) {
      const old = (before.lines ?? []).map((line) => line.id)
      if (old.length) await this.deleteInvoiceLines(old, sharedContext)
      await this.createInvoiceLines(snapshot.lines.map((line, rank) => ({ ...line, rank, invoice_id: before.id })) as any, sharedContext)
    }
    await this.updateInvoices(
      {
        id: before.id,
        status: "paid",
        paid_at: input.paid_at,
        order_id: input.order_id,
        payment_id: input.payment_id,
        ...(snapshot
          ? {
              subtotal: snapshot.subtotal,
              discount_total: snapshot.discount_total,
              shipping_total: snapshot.shipping_total,
              tax_total: snapshot.tax_total,
              total: snapshot.total,
              billing_address: snapshot.billing_address,
              payment_method_label: snapshot.payment_method_label ?? before.payment_method_label,
            }
          : {}),
      } as any,
      sharedContext
    )
    return before
  }

  /**
   * Undoes `recordPaidInvoice`: the invoice open again with the lines and
   * totals it had. Its attempt stays attached, so the payment is settled or
   * given back by whoever comes next, never forgotten.
   */
  @InjectTransactionManager()
  async reopenPaidInvoice(before: InvoiceDTO, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const now = await this.listInvoiceLines({ invoice: { id: before.id } } as any, { select: ["id"] }, sharedContext)
    if (now.length) await this.deleteInvoiceLines(now.map((line) => line.id), sharedContext)
    await this.createInvoiceLines(
      (before.lines ?? []).map(({ id: _id, invoice: _invoice, created_at: _c, updated_at: _u, deleted_at: _d, ...line }: any) => ({
        ...line,
        invoice_id: before.id,
      })),
      sharedContext
    )
    await this.updateInvoices(
      {
        id: before.id,
        status: "open",
        paid_at: null,
        order_id: null,
        payment_id: null,
        subtotal: before.subtotal,
        discount_total: before.discount_total,
        shipping_total: before.shipping_total,
        tax_total: before.tax_total,
        total: before.total,
        billing_address: before.billing_address,
        payment_method_label: before.payment_method_label,
      } as any,
      sharedContext
    )
  }

  /**
   * Frees a lock whose lease has run out, in the table of Medusa's PostgreSQL
   * locking provider. That provider never hands an expired lock to a new
   * owner, so a process that died holding one would keep it for good. Does
   * nothing with the Redis provider, whose leases lapse by themselves, or
   * when the table is not there. Whether a lock was freed.
   */
  @InjectManager()
  async clearExpiredLock(key: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    return locks.clearExpiredLock(sharedContext.manager as EntityManager, key)
  }

  /**
   * Deletes at most `limit` rows of one kind that nobody can use any more —
   * expired or spent links, ended sessions, drained rate-limit buckets, old
   * idempotency keys, test cards no one can pay with — in one statement, by
   * the index on their expiry, skipping rows a request holds (see
   * `services/purge.ts` for how long each is kept). Returns how many, and
   * whether to call again (passing `after` back): not once none are left.
   */
  @InjectManager()
  async purgeExpired(
    target: purge.PurgeTarget,
    input: { now: Date; limit: number; after?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<purge.PurgeBatch> {
    return purge.purgeExpired(sharedContext.manager as EntityManager, target, input)
  }

  /** Remembers the customer records a session sees, and whether its own address is confirmed (see `authenticateSession`). */
  @InjectManager()
  async rememberSessionCustomers(
    input: { session_id: string; customer_ids: string[]; email_confirmed: boolean; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return access.rememberSessionCustomers(sharedContext.manager as EntityManager, input)
  }

  /**
   * Makes the sessions of these customers work out their customer records
   * again on their next request: after an email changes, a record that
   * shared the old address is no longer theirs.
   */
  @InjectManager()
  async forgetSessionCustomers(customerIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return access.forgetSessionCustomers(sharedContext.manager as EntityManager, customerIds)
  }

  /** Revokes the unused magic links and live sessions of customers; returns how many of each. */
  @InjectTransactionManager()
  async revokeAccess(
    input: access.RevokeAccessInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ links: number; sessions: number }> {
    return access.revokeAccess(sharedContext.transactionManager as EntityManager, input)
  }

  /**
   * Takes one request from each bucket of `rules`, in order (generic cell
   * rate algorithm): `limit` requests per `periodMs`, never closer together
   * than `periodMs / limit` once the burst of `burst` is spent. The first
   * bucket that refuses ends the check, so a refused request does not use up
   * the later buckets. One database round trip (`portal_consume_rate_limits`),
   * each bucket one atomic upsert, so the limits hold across concurrent
   * requests and server instances.
   */
  @InjectManager()
  async consumeRateLimits(
    rules: { key: string; limit: number; periodMs: number; burst?: number }[],
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    return rateLimits.consumeRateLimits(sharedContext.manager as EntityManager, rules, now)
  }

  /** Seconds until one more request would fit a rate-limit rule's bucket (0: it fits now), without spending it. */
  @InjectManager()
  async rateLimitWait(
    rule: { key: string; limit: number; periodMs: number; burst?: number },
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return rateLimits.rateLimitWait(sharedContext.manager as EntityManager, rule, now)
  }

  /** `consumeRateLimits` for one bucket. */
  async consumeRateLimit(input: { key: string; limit: number; periodMs: number; burst?: number; now: Date }) {
    const { now, ...rule } = input
    return this.consumeRateLimits([rule], now)
  }

  /**
   * Issues the invoice of a source (an order, a renewal period, a dues charge)
   * once: when the source already has one it is returned as it is. The number
   * comes from the portal's counter in the same transaction, so a failed issue
   * hands its number back and numbers stay consecutive; of two concurrent
   * issues for one source, the second fails on the unique source and the
   * caller reads the first's invoice.
   */
  @InjectTransactionManager()
  async issueInvoice(
    input: IssueInvoiceInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ invoice: InvoiceDTO; created: boolean }> {
    const [existing] = await this.listInvoices(
      { source_type: input.source_type, source_id: input.source_id },
      { take: 1 },
      sharedContext
    )
    if (existing) {
      return { invoice: existing, created: false }
    }
    const { sequence, number } = await this.allocateInvoiceNumber(input.portal_id, sharedContext)
    const { lines, ...invoice } = input
    const created = await this.createInvoices(
      { ...invoice, sequence, number, lines: lines.map((line, rank) => ({ rank, ...line })) } as any,
      sharedContext
    )
    // Read back, so the columns filled by database defaults (status) are in the answer too.
    return { invoice: await this.retrieveInvoice(created.id, {}, sharedContext), created: true }
  }

  /**
   * Claims an idempotency key for a request, in one atomic statement: a new
   * key, a key whose earlier request died (`in_progress` for longer than
   * `staleMs`) or a key older than `ttlMs` is taken (`run`); otherwise the
   * earlier request's answer (`done`), `in_progress` while it runs, or
   * `mismatch` when the key was used for a different request.
   */
  @InjectManager()
  async startIdempotentRequest(
    input: { scope: string; key: string; fingerprint: string; now: Date; staleMs: number; ttlMs: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<IdempotentStart> {
    return idempotency.startIdempotentRequest(sharedContext.manager as EntityManager, input)
  }

  /** Keeps the answer of the request that holds key `id`, for its replays. */
  @InjectManager()
  async finishIdempotentRequest(id: string, answer: { status: number; body: unknown }, @MedusaContext() sharedContext: Context = {}) {
    return idempotency.finishIdempotentRequest(sharedContext.manager as EntityManager, id, answer)
  }

  /** Lets go of a key whose request ended without an answer worth keeping (an error): it may be used again. */
  @InjectManager()
  async releaseIdempotentRequest(id: string, @MedusaContext() sharedContext: Context = {}) {
    return idempotency.releaseIdempotentRequest(sharedContext.manager as EntityManager, id)
  }

  /** A license key by its value, with its active activations; null when there is none. */
  @InjectManager()
  async findLicense(key: string, @MedusaContext() sharedContext: Context = {}): Promise<LicenseState | null> {
    return licensing.findLicense(sharedContext.manager as EntityManager, key)
  }



  /**
   * Activates a license key on an instance (a machine, a site). The key's
   * row is locked first, so concurrent activations are counted one after
   * another and the limit holds: of twenty at once against a limit of three,
   * three succeed. The same instance again is the same activation.
   */
  @InjectTransactionManager()
  async activateLicense(
    input: { key: string; instance_name: string; mode: "test" | "live"; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<
    | { license: LicenseState; activation: LicenseState["activations"][number]; created: boolean; refused?: undefined }
    | { license: LicenseState; refused: { code: string; message: string } }
  > {
    return licensing.activateLicense(sharedContext.transactionManager as EntityManager, input)
  }

  /** Ends one activation of a license key, by instance name or id; false when there was none to end. */
  @InjectTransactionManager()
  async deactivateLicense(
    input: { license_key_id: string; instance_name?: string; activation_id?: string; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return licensing.deactivateLicense(sharedContext.transactionManager as EntityManager, input)
  }

  /**
   * Issues license keys, one per order line unit: a unit that already has
   * its key keeps it (a second run issues nothing), so concurrent or
   * repeated runs for one order never give a unit two keys. Returns the ids
   * of the keys issued now.
   */
  @InjectManager()
  async issueLicenseKeys(
    keys: licensing.LicenseKeyToIssue[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return licensing.issueLicenseKeys(sharedContext.manager as EntityManager, keys)
  }

  /**
   * One page of a customer's billing history, newest first, and how many
   * invoices match (the filters `portalInvoiceFilters` makes): two index scans
   * and no entity hydration, so the list costs about the same at ten invoices
   * as at thousands. Each row names its items in `summary`.
   */
  @InjectManager()
  async listInvoiceSummaries(
    filters: OwnedFilters & { status?: string; issued_at?: { $gte?: Date; $lt?: Date; $lte?: Date } },
    page: { skip: number; take: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<[InvoiceSummary[], number]> {
    const where = ownedConditions(filters)
    if (filters.status) where.add("status = ?", filters.status)
    const range = filters.issued_at ?? {}
    if (range.$gte) where.add("issued_at >= ?", range.$gte)
    if (range.$lt) where.add("issued_at < ?", range.$lt)
    if (range.$lte) where.add("issued_at <= ?", range.$lte)
    const [rows, count] = await pageAndCount(sharedContext.manager as EntityManager, {
      select: `id, number, status, source_type, metadata->>'description' AS description, currency_code,
               subtotal, discount_total, shipping_total, tax_total, total, issued_at, paid_at, voided_at,
               (SELECT string_agg(l.title, ', ' ORDER BY l.rank, l.id) FROM invoice_line l
                 WHERE l.invoice_id = invoice.id AND l.kind = 'item' AND l.deleted_at IS NULL) AS summary`,
      from: "invoice",
      where,
      orderBy: "issued_at DESC, id DESC",
      page,
    })
    const amounts = ["subtotal", "discount_total", "shipping_total", "tax_total", "total"] as const
    return [rows.map((row) => ({ ...row, ...Object.fromEntries(amounts.map((a) => [a, Number(row[a])])), summary: row.summary ?? "" })), count]
  }

  /**
   * One page of a customer's subscriptions or license keys, newest first, and
   * how many there are: plain rows (the model's columns) from the
   * (customer_id, …, created_at) indexes, without entity hydration.
   */
  @InjectManager()
  async listOwnedRows<T extends "subscription" | "license_key">(
    table: T,
    filters: OwnedFilters & { status?: string[] },
    page: { skip: number; take: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<[T extends "subscription" ? SubscriptionDTO[] : LicenseKeyRow[], number]> {
    if (table !== "subscription" && table !== "license_key") throw new Error(`No owned rows in ${table}.`)
    const where = ownedConditions(filters)
    if (filters.status?.length) where.add(`status IN (${marks(filters.status)})`, ...filters.status)
    return (await pageAndCount(sharedContext.manager as EntityManager, { select: "*", from: table, where, orderBy: "created_at DESC, id DESC", page })) as any
  }

  /** Active activations of each key, by key id, in one query (for a page of keys). */
  @InjectManager()
  async countActivations(licenseKeyIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, number>> {
    return licensing.countActivations(sharedContext.manager as EntityManager, licenseKeyIds)
  }

  /**
   * Uses a magic link of one of `purposes` once: the one UPDATE … WHERE
   * used_at IS NULL claims it, so of concurrent uses one wins. Null when the
   * link is unknown, used, revoked, expired or of another purpose.
   */
  @InjectManager()
  async consumeLink(
    input: { token_hash: string; purposes: readonly PortalLinkDTO["purpose"][]; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<UsableLink | null> {
    return access.consumeLink(sharedContext.manager as EntityManager, input)
  }

  /** Gives a consumed link back, when what it was used for could not be done (a workflow's compensation). */
  @InjectManager()
  async releaseLink(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return access.releaseLink(sharedContext.manager as EntityManager, id)
  }

  /** A magic link that could be used now, without using it (the page a link opens says what it will do). */
  @InjectManager()
  async findUsableLink(tokenHash: string, now: Date, @MedusaContext() sharedContext: Context = {}): Promise<UsableLink | null> {
    return access.findUsableLink(sharedContext.manager as EntityManager, tokenHash, now)
  }
}
