import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  CreateAccountHolderInput,
  CreateAccountHolderOutput,
  DeleteAccountHolderInput,
  DeleteAccountHolderOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  DeletePaymentMethodInput,
  DeletePaymentMethodOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ListPaymentMethodsInput,
  ListPaymentMethodsOutput,
  Logger,
  PaymentProviderContext,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrieveAccountHolderInput,
  RetrieveAccountHolderOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  SavePaymentMethodInput,
  SavePaymentMethodOutput,
  UpdateAccountHolderInput,
  UpdateAccountHolderOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, ContainerRegistrationKeys, MathBN, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { randomBytes } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { clock } from "../../lib/clock"
import { attachCard, CardError, detachCard, isExpired, listCards, markConfirmed, portalIsLive, chargedInvoiceMode, publicCard, usableCard, type Db, type TestCardRow } from "./cards"

type Options = {
  /** How long a charge of the card that times out waits before giving up (ms); 5 seconds by default. */
  timeoutMs?: number
  /** Loads the provider under NODE_ENV=production (a staging store); off by default. */
  enableInProduction?: boolean
}

/** What the provider keeps in a payment's data. Never a card number. */
type ChargeData = {
  /**
   * The account holder the payment was started for, from Medusa's context at
   * initiation (never from the storefront): Medusa does not pass the holder
   * again when it authorizes a checkout.
   */
  account_holder?: string | null
  payment_method_id?: string
  off_session?: boolean
  save_payment_method?: boolean
  /** "completed" once the customer has confirmed a card that asks for it. */
  confirmation?: "completed"
  status?: "requires_authorization" | "requires_action" | "authorized" | "captured" | "failed" | "canceled"
  charge_id?: string
  amount?: string
  currency_code?: string
  card?: { brand: string; last4: string; exp_month: number; exp_year: number }
  error?: { code: string; message: string } | null
  next_action?: { type: "confirm_card" } | null
  captured_at?: string
  refunded_amount?: string
  session_id?: string
}

const DECLINES: Partial<Record<TestCardRow["behavior"], { code: string; message: string }>> = {
  declined: { code: "card_declined", message: "Your card was declined. Try another card." },
  charge_fails: { code: "card_declined", message: "Your card was declined. Try another card." },
  insufficient_funds: { code: "insufficient_funds", message: "Your card has insufficient funds. Try another card." },
}

const FORBIDDEN_KEYS = ["number", "card_number", "cvc", "cvv"]

/**
 * A real Medusa payment provider for test mode, with account holders and
 * saved payment methods, whose cards behave like the well-known test cards
 * (see `cards.ts`). Cards are first made with `POST /store/test-cards` (the
 * storefront's card form talks to nothing else); payments and saved methods
 * then refer to them by id. It never pays for a live record (a live
 * subscription's renewal or dues), takes no new checkout while the portal is
 * live, and does not load in production unless the merchant enables it.
 */
export class TestCardPaymentProvider extends AbstractPaymentProvider<Options> {
  static identifier = "test-card"

  protected readonly db_: Db
  protected readonly logger_: Logger
  protected readonly timeoutMs_: number

  constructor(container: Record<string, unknown>, options: Options) {
    super(container, options)
    if (process.env.NODE_ENV === "production" && options?.enableInProduction !== true) {
      throw new Error(
        "medusa-customer-portal: the test card provider does not load in production, where it would let anyone pay with 4242 4242 4242 4242. " +
          "Remove it from the Payment Module's providers, or set its option enableInProduction: true on a staging store that takes no real orders."
      )
    }
    this.db_ = container[ContainerRegistrationKeys.PG_CONNECTION] as Db
    this.logger_ = container[ContainerRegistrationKeys.LOGGER] as Logger
    this.timeoutMs_ = Number(options?.timeoutMs) >= 0 ? Number(options.timeoutMs) : 5_000
  }

  private holderOf(context?: PaymentProviderContext): string | null {
    const holder = context?.account_holder as { data?: { id?: unknown }; external_id?: unknown } | undefined
    const id = holder?.data?.id ?? holder?.external_id
    return typeof id === "string" ? id : null
  }

  /**
   * What the test card may pay for: never a live record, whatever the portal's
   * setting; a checkout only while the portal is in test mode (what a test
   * card pays for is a test order).
   */
  private async refuseLiveRecords(context?: PaymentProviderContext) {
    const invoiceMode = await chargedInvoiceMode(this.db_, (context as { idempotency_key?: string } | undefined)?.idempotency_key)
    if (invoiceMode === "live") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "A test card cannot pay for a live subscription. Use a live payment method.")
    }
    if (invoiceMode === null && (await portalIsLive(this.db_))) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The test card provider does not charge while the portal is in live mode. Use a live payment provider."
      )
    }
  }

  /** A provider failure as Medusa expects it, with the customer-facing sentence. */
  private fail(error: unknown): never {
    if (error instanceof CardError) {
      const type = error.code === "no_such_card" ? MedusaError.Types.NOT_FOUND : MedusaError.Types.INVALID_DATA
      throw new MedusaError(type, error.message)
    }
    throw error
  }

  private refuseCardNumbers(data: Record<string, unknown> | undefined) {
    if (data && FORBIDDEN_KEYS.some((key) => key in data)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Card numbers never go into a payment: create the card with POST /store/test-cards and send its id as payment_method_id."
      )
    }
  }

  async initiatePayment({ data, context, amount, currency_code }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    this.refuseCardNumbers(data)
    const input = (data ?? {}) as ChargeData
    const charge: ChargeData = {
      account_holder: this.holderOf(context),
      session_id: input.session_id,
      off_session: !!input.off_session,
      save_payment_method: !!input.save_payment_method,
      // The customer's answer to the bank's confirmation (3-D Secure in real life), when asked for it.
      ...(input.confirmation === "completed" ? { confirmation: "completed" as const } : {}),
      status: "requires_authorization",
      amount: MathBN.convert(amount).toString(),
      currency_code,
      error: null,
      next_action: null,
    }
    if (input.payment_method_id) {
      const card = await usableCard(this.db_, input.payment_method_id, this.holderOf(context)).catch((e) => this.fail(e))
      charge.payment_method_id = card.id
      charge.card = { brand: card.brand, last4: card.last4, exp_month: card.exp_month, exp_year: card.exp_year }
    }
    return { id: `tpi_${randomBytes(12).toString("hex")}`, data: charge, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment({ data, context, amount, currency_code }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    this.refuseCardNumbers(data)
    const input = { ...((data ?? {}) as ChargeData) }
    input.account_holder = this.holderOf(context) ?? input.account_holder ?? null
    if (input.payment_method_id) {
      const card = await usableCard(this.db_, input.payment_method_id, input.account_holder).catch((e) => this.fail(e))
      input.card = { brand: card.brand, last4: card.last4, exp_month: card.exp_month, exp_year: card.exp_year }
    }
    return { data: { ...input, ...(amount !== undefined ? { amount: MathBN.convert(amount).toString() } : {}), ...(currency_code ? { currency_code } : {}) } }
  }

  async authorizePayment({ data, context }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const charge = { ...(data ?? {}) } as ChargeData
    await this.refuseLiveRecords(context)
    const holder = this.holderOf(context) ?? charge.account_holder ?? null
    const card = await usableCard(this.db_, charge.payment_method_id, holder).catch((e) => this.fail(e))
    const now = clock.now()
    const failed = (error: { code: string; message: string }): AuthorizePaymentOutput => ({
      status: PaymentSessionStatus.ERROR,
      data: { ...charge, status: "failed", error, next_action: null },
    })
    if (isExpired(card, now)) {
      return failed({ code: "expired_card", message: "Your card has expired. Try another card." })
    }
    const decline = DECLINES[card.behavior]
    if (decline) {
      return failed(decline)
    }
    // A provider that fails, or does not answer in time, says nothing about the card: nothing is charged and it can be tried again.
    if (card.behavior === "processing_error") {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The payment provider could not process this payment. Nothing was charged.")
    }
    if (card.behavior === "times_out") {
      await sleep(this.timeoutMs_)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The payment provider did not answer in time. Nothing was charged.")
    }
    if (card.behavior === "requires_action") {
      const confirmedNow = !charge.off_session && charge.confirmation === "completed"
      if (confirmedNow) {
        await markConfirmed(this.db_, card.id, now)
      } else if (!(charge.off_session && card.confirmed_at)) {
        // Off-session, a card confirmed once before goes through, as a card set up for later use does.
        return {
          status: PaymentSessionStatus.REQUIRES_MORE,
          data: {
            ...charge,
            status: "requires_action",
            error: charge.off_session
              ? { code: "authentication_required", message: "Your bank asks you to confirm this payment. Update your payment method to continue." }
              : null,
            next_action: charge.off_session ? null : { type: "confirm_card" },
          },
        }
      }
    }
    if (charge.save_payment_method && holder) {
      await attachCard(this.db_, card, holder).catch((e) => this.fail(e))
    }
    return {
      status: PaymentSessionStatus.AUTHORIZED,
      data: { ...charge, status: "authorized", charge_id: `tch_${randomBytes(12).toString("hex")}`, error: null, next_action: null },
    }
  }

  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: { ...(data ?? {}), status: "captured", captured_at: clock.now().toISOString() } }
  }

  async refundPayment({ data, amount }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const charge = (data ?? {}) as ChargeData
    const refunded = MathBN.add(MathBN.convert(charge.refunded_amount ?? 0), MathBN.convert(amount))
    return { data: { ...charge, refunded_amount: refunded.toString() } }
  }

  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: { ...(data ?? {}), status: "canceled" } }
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: data ?? {} }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: data ?? {} }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const status = (data as ChargeData | undefined)?.status
    const map: Record<string, PaymentSessionStatus> = {
      authorized: PaymentSessionStatus.AUTHORIZED,
      captured: PaymentSessionStatus.CAPTURED,
      failed: PaymentSessionStatus.ERROR,
      canceled: PaymentSessionStatus.CANCELED,
      requires_action: PaymentSessionStatus.REQUIRES_MORE,
    }
    return { status: (status && map[status]) || PaymentSessionStatus.PENDING, data: data ?? {} }
  }

  async createAccountHolder({ context }: CreateAccountHolderInput): Promise<CreateAccountHolderOutput> {
    // One holder per customer; the same customer always gets the same id, so a retry creates nothing new.
    const id = `tcus_${context.customer.id}`
    return { id, data: { id } }
  }

  async retrieveAccountHolder({ id }: RetrieveAccountHolderInput): Promise<RetrieveAccountHolderOutput> {
    return { id, data: { id } }
  }

  async updateAccountHolder(_: UpdateAccountHolderInput): Promise<UpdateAccountHolderOutput> {
    return {}
  }

  async deleteAccountHolder({ context }: DeleteAccountHolderInput): Promise<DeleteAccountHolderOutput> {
    const holder = this.holderOf(context as PaymentProviderContext)
    if (holder) {
      for (const card of await listCards(this.db_, holder)) await detachCard(this.db_, card.id, holder)
    }
    return {}
  }

  async savePaymentMethod({ data, context }: SavePaymentMethodInput): Promise<SavePaymentMethodOutput> {
    this.refuseCardNumbers(data)
    const holder = this.holderOf(context)
    if (!holder) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A payment method is saved for an account holder; none was given.")
    }
    const card = await usableCard(this.db_, (data as ChargeData | undefined)?.payment_method_id, holder).catch((e) => this.fail(e))
    if (card.behavior === "declined") {
      throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, "Your card was declined. Try another card.")
    }
    if (isExpired(card, clock.now())) {
      throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, "Your card has expired. Try another card.")
    }
    const saved = await attachCard(this.db_, card, holder).catch((e) => this.fail(e))
    return { id: saved.id, data: publicCard(saved) }
  }

  async listPaymentMethods({ context }: ListPaymentMethodsInput): Promise<ListPaymentMethodsOutput> {
    const holder = this.holderOf(context)
    if (!holder) return []
    return (await listCards(this.db_, holder)).map((card) => ({ id: card.id, data: publicCard(card) }))
  }

  async deletePaymentMethod({ data, context }: DeletePaymentMethodInput): Promise<DeletePaymentMethodOutput> {
    const holder = this.holderOf(context)
    if (holder) await detachCard(this.db_, data.id, holder)
    return {}
  }

  async getWebhookActionAndData(_: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

export default TestCardPaymentProvider
