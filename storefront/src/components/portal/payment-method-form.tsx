"use client"

import { Alert, Badge, Button, clx, Input, Label, Prompt, Text } from "@medusajs/ui"
import { unstable_rethrow } from "next/navigation"
import { useLocale, useTranslations } from "next-intl"
import { useEffect, useId, useRef, useState, useTransition, type FormEvent, type ReactNode, type Ref } from "react"
import { formatMinorUnits } from "@/lib/portal/money"
import {
  checkCard,
  isPaymentFailureCode,
  newIdempotencyKey,
  TEST_CARDS,
  type CardField,
  type CardInput,
  type CardProblem,
} from "@/lib/portal/payment-method-options"
import type { PortalFailure, PortalSavedPaymentMethod } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"
import { Money } from "./money"
import { PaymentMethodLabel } from "./payment-method-label"

/** What the add-card action answers. */
export type AddCardResult =
  | { status: "added"; method: PortalSavedPaymentMethod }
  | { status: "invalid"; field: CardField; problem: CardProblem }
  /** The backend's refusal, written for the customer: shown as it is. */
  | { status: "refused"; message: string }
  | { status: "failed"; failure: PortalFailure }
  | { status: "session_ended" }

export type PaymentMethodChangeInput = {
  paymentMethodId: string
  /** New for every press of a button, so a repeated request of one press charges once. */
  idempotencyKey: string
  /** True once the customer confirmed the payment their bank asked about. */
  confirmed: boolean
}

/** What the change action answers when it does not go on to the confirmation page. */
export type PaymentMethodChangeResult =
  /** The card's bank asks the customer to confirm the payment of `amount` (minor units). */
  | { status: "requires_action"; amount: number; currencyCode: string }
  | { status: "payment_failed"; code: string | null }
  | { status: "not_found" }
  | { status: "conflict" }
  /** The payment could not be completed (not a decline): trying again completes it, never charging twice. */
  | { status: "interrupted" }
  | { status: "refused"; message: string }
  | { status: "failed"; failure: PortalFailure }
  | { status: "session_ended" }

type Props = {
  subscriptionId: string
  /** A subscription on hold: confirming charges its dues. */
  onHold: boolean
  /** What confirming charges, when the backend says; in minor units. */
  due: { amount: number; currencyCode: string } | null
  methods: PortalSavedPaymentMethod[]
  /** The saved method the subscription uses now, when it is among `methods`. */
  currentMethodId: string | null
  /** False when the saved methods could not be loaded: a new card can still be added. */
  methodsLoaded: boolean
  /** Lists the test card numbers next to the card form. */
  testMode: boolean
  addCardAction: (card: CardInput) => Promise<AddCardResult>
  changeAction: (subscriptionId: string, input: PaymentMethodChangeInput) => Promise<PaymentMethodChangeResult>
}

/** What the alert under the form says. */
type Problem =
  | { kind: "payment_failed"; code: string | null }
  | { kind: "not_found" }
  | { kind: "conflict" }
  | { kind: "interrupted" }
  | { kind: "refused"; message: string }
  | { kind: "failed"; failure: PortalFailure }
  | { kind: "no_choice" }

/** The alert, and whether a card added by the same press was saved before it went wrong. */
type Shown = { problem: Problem; cardSaved: boolean }

/** The payment the bank asks the customer to confirm. */
type Confirmation = { paymentMethodId: string; amount: number; currencyCode: string; cardSaved: boolean }

/** What to tell once the confirmation dialog has closed. */
type AfterClose = { kind: "problem"; shown: Shown } | { kind: "not_confirmed" }

const NEW_CARD = "new"

const EMPTY_CARD: CardInput = { number: "", expiry: "", cvc: "" }

/** Longer than the dialog's closing animation (200ms). */
const CLOSE_FALLBACK_MS = 1000

// aria-disabled rather than disabled: a busy button keeps its focus, so a screen reader stays on it.
const BUSY_BUTTON = "w-full sm:w-fit aria-disabled:cursor-wait aria-disabled:opacity-70"

const OPTION = clx(
  "flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-ui-bg-base px-4 py-3 shadow-elevation-card-rest",
  "has-[:checked]:shadow-borders-interactive-with-active"
)

const RADIO = "size-4 shrink-0 accent-ui-fg-interactive"

/**
 * The saved payment methods and "Add a new card" as one radio group, the card form, and
 * "Confirm changes". A new card is saved first (and stays saved, selected, whatever the charge
 * does); then the subscription changes to the chosen method. A bank that asks the customer to
 * confirm the payment opens a dialog; success goes on to the confirmation page.
 */
export function PaymentMethodForm({
  subscriptionId,
  onHold,
  due,
  methods,
  currentMethodId,
  methodsLoaded,
  testMode,
  addCardAction,
  changeAction,
}: Props) {
  const t = useTranslations("PaymentMethod")
  const locale = useLocale()
  const ids = useId()
  // Methods saved by this page that the refreshed list may not hold yet.
  const [added, setAdded] = useState<PortalSavedPaymentMethod[]>([])
  const [selected, setSelected] = useState<string>(currentMethodId ?? methods[0]?.id ?? NEW_CARD)
  const [card, setCard] = useState<CardInput>(EMPTY_CARD)
  const [fieldError, setFieldError] = useState<{ field: CardField; problem: CardProblem } | null>(null)
  const [shown, setShown] = useState<{ value: Shown; focus: boolean } | null>(null)
  const [notConfirmed, setNotConfirmed] = useState(false)
  const [phase, setPhase] = useState<"card" | "change">("change")
  const [pending, startSubmit] = useTransition()
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null)
  const [confirmError, setConfirmError] = useState<Problem | null>(null)
  const [confirming, startConfirm] = useTransition()
  const afterClose = useRef<AfterClose | null>(null)
  const alertRef = useRef<HTMLDivElement>(null)
  const statusRef = useRef<HTMLDivElement>(null)
  const confirmButtonRef = useRef<HTMLButtonElement>(null)
  const fieldRefs = {
    number: useRef<HTMLInputElement>(null),
    expiry: useRef<HTMLInputElement>(null),
    cvc: useRef<HTMLInputElement>(null),
  }

  const allMethods = [...methods, ...added.filter((method) => !methods.some((m) => m.id === method.id))]
  const busy = pending || confirming

  // The alert takes the focus, so a keyboard or screen reader user lands on what went wrong.
  useEffect(() => {
    if (shown?.focus) {
      alertRef.current?.focus()
    }
  }, [shown])

  function endSession() {
    // A route handler: it clears the cookie and sends the customer to sign in again.
    window.location.assign(`/${locale}/portal/session-expired`)
  }

  function showProblem(problem: Problem, cardSaved = false) {
    setShown({ value: { problem, cardSaved }, focus: true })
  }

  function showFieldError(field: CardField, problem: CardProblem) {
    setSelected(NEW_CARD)
    setFieldError({ field, problem })
    // The card form may only now be shown: focus once it is in the page.
    window.requestAnimationFrame(() => fieldRefs[field].current?.focus())
  }

  function updateCard(field: CardField, value: string) {
    setCard((previous) => ({ ...previous, [field]: value }))
    if (fieldError?.field === field) {
      setFieldError(null)
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) {
      return
    }
    setShown(null)
    setNotConfirmed(false)
    if (selected === NEW_CARD) {
      const check = checkCard(card)
      if (!check.ok) {
        return showFieldError(check.field, check.problem)
      }
      setFieldError(null)
      const typed = card
      setPhase("card")
      startSubmit(async () => {
        const result = await safely(() => addCardAction(typed))
        switch (result.status) {
          case "added":
            setAdded((list) => [...list, result.method])
            setSelected(result.method.id)
            // The card is saved: what was typed is not needed any more.
            setCard(EMPTY_CARD)
            return change(result.method.id, true)
          case "invalid":
            return showFieldError(result.field, result.problem)
          case "refused":
            return showProblem({ kind: "refused", message: result.message })
          case "session_ended":
            return endSession()
          default:
            return showProblem({ kind: "failed", failure: result.failure })
        }
      })
      return
    }
    if (!allMethods.some((method) => method.id === selected)) {
      return showProblem({ kind: "no_choice" })
    }
    const paymentMethodId = selected
    setPhase("change")
    startSubmit(() => change(paymentMethodId, false))
  }

  async function change(paymentMethodId: string, cardSaved: boolean) {
    setPhase("change")
    const result = await safely(() =>
      changeAction(subscriptionId, { paymentMethodId, idempotencyKey: newIdempotencyKey(), confirmed: false })
    )
    if (result.status === "requires_action") {
      setConfirmError(null)
      setConfirmation({ paymentMethodId, amount: result.amount, currencyCode: result.currencyCode, cardSaved })
      return
    }
    if (result.status === "session_ended") {
      return endSession()
    }
    showProblem(problemOf(result), cardSaved)
  }

  function confirmPayment() {
    const pendingConfirmation = confirmation
    if (confirming || !pendingConfirmation) {
      return
    }
    setConfirmError(null)
    startConfirm(async () => {
      const result = await safely(() =>
        changeAction(subscriptionId, {
          paymentMethodId: pendingConfirmation.paymentMethodId,
          idempotencyKey: newIdempotencyKey(),
          confirmed: true,
        })
      )
      switch (result.status) {
        case "requires_action":
          // Asked again: the dialog stays, with the amount as the backend now says it.
          setConfirmation({ ...pendingConfirmation, amount: result.amount, currencyCode: result.currencyCode })
          return
        case "session_ended":
          return endSession()
        case "conflict":
        case "interrupted":
        case "failed":
          // Worth another try from the dialog itself.
          return setConfirmError(problemOf(result))
        default:
          // Told once the dialog is gone: a live region behind a modal dialog is hidden from screen readers.
          afterClose.current = {
            kind: "problem",
            shown: { problem: problemOf(result), cardSaved: pendingConfirmation.cardSaved },
          }
          setConfirmation(null)
          window.setTimeout(tellAfterClose, CLOSE_FALLBACK_MS)
      }
    })
  }

  function confirmationOpenChange(open: boolean) {
    if (open || confirming) {
      // Escape and "Cancel" wait for the running payment.
      return
    }
    afterClose.current = { kind: "not_confirmed" }
    setConfirmation(null)
    window.setTimeout(tellAfterClose, CLOSE_FALLBACK_MS)
  }

  /** Shows what the dialog left to tell, with the focus on it. */
  function tellAfterClose() {
    const next = afterClose.current
    if (!next) {
      return
    }
    afterClose.current = null
    if (next.kind === "problem") {
      setShown({ value: next.shown, focus: true })
    } else {
      setNotConfirmed(true)
      statusRef.current?.focus()
    }
  }

  const fieldId = (field: CardField) => `${ids}-${field}`
  const errorId = (field: CardField) => `${ids}-${field}-error`
  const hintId = (field: CardField) => `${ids}-${field}-hint`
  const describedBy = (...parts: (string | false)[]) => parts.filter(Boolean).join(" ") || undefined
  const invalid = (field: CardField) => fieldError?.field === field
  const money = (amount: number, currencyCode: string) => ({
    amount: formatMinorUnits(amount, currencyCode, locale),
    money: () => <Money amount={amount} currencyCode={currencyCode} locale={locale} />,
  })
  const busyText = phase === "card" ? t("addingCard") : onHold ? t("processing") : t("saving")
  const noChoice = shown?.value.problem.kind === "no_choice"

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-y-6 text-start">
      <fieldset
        className="flex flex-col gap-y-2"
        aria-describedby={noChoice ? `${ids}-problem` : undefined}
      >
        <legend className="txt-compact-medium-plus mb-3 text-ui-fg-base">{t("choose")}</legend>
        {!methodsLoaded && (
          <Text size="small" className="mb-1 text-ui-fg-subtle">
            {t("methodsUnavailable")}
          </Text>
        )}
        {allMethods.map((method) => {
          const id = `${ids}-method-${method.id}`
          const current = method.id === currentMethodId
          return (
            <div key={method.id} className={OPTION}>
              <input
                type="radio"
                id={id}
                name="payment_method"
                value={method.id}
                checked={selected === method.id}
                onChange={() => setSelected(method.id)}
                aria-describedby={current ? `${id}-current` : undefined}
                className={RADIO}
              />
              <Label htmlFor={id} size="small" weight="plus" className="min-w-0 flex-1 cursor-pointer">
                <PaymentMethodLabel method={method} />
              </Label>
              {current && (
                <Badge id={`${id}-current`} size="2xsmall" color="blue">
                  {t("currentBadge")}
                </Badge>
              )}
            </div>
          )
        })}
        <div className={OPTION}>
          <input
            type="radio"
            id={`${ids}-method-new`}
            name="payment_method"
            value={NEW_CARD}
            checked={selected === NEW_CARD}
            onChange={() => setSelected(NEW_CARD)}
            className={RADIO}
          />
          <Label htmlFor={`${ids}-method-new`} size="small" weight="plus" className="min-w-0 flex-1 cursor-pointer">
            {t("addCard")}
          </Label>
        </div>

        {selected === NEW_CARD && (
          <div className="rounded-lg bg-ui-bg-subtle p-4 shadow-borders-base">
            <fieldset className="flex flex-col gap-y-4">
              <legend className="txt-compact-small-plus mb-4 text-ui-fg-base">{t("cardDetails")}</legend>
              <CardTextField
                ref={fieldRefs.number}
                id={fieldId("number")}
                label={t("cardNumber")}
                value={card.number}
                onChange={(value) => updateCard("number", value)}
                autoComplete="cc-number"
                maxLength={23}
                placeholder="1234 1234 1234 1234"
                invalid={invalid("number")}
                describedBy={describedBy(invalid("number") && errorId("number"))}
                error={invalid("number") && fieldError ? <FieldError id={errorId("number")} error={fieldError} /> : null}
              />
              <div className="grid grid-cols-2 gap-4">
                <CardTextField
                  ref={fieldRefs.expiry}
                  id={fieldId("expiry")}
                  label={t("expiry")}
                  value={card.expiry}
                  onChange={(value) => updateCard("expiry", value)}
                  autoComplete="cc-exp"
                  maxLength={9}
                  placeholder={t("expiryPlaceholder")}
                  invalid={invalid("expiry")}
                  describedBy={describedBy(hintId("expiry"), invalid("expiry") && errorId("expiry"))}
                  hint={<Text id={hintId("expiry")} size="small" className="text-ui-fg-subtle">{t("expiryHint")}</Text>}
                  error={invalid("expiry") && fieldError ? <FieldError id={errorId("expiry")} error={fieldError} /> : null}
                />
                <CardTextField
                  ref={fieldRefs.cvc}
                  id={fieldId("cvc")}
                  label={t("cvc")}
                  value={card.cvc}
                  onChange={(value) => updateCard("cvc", value)}
                  autoComplete="cc-csc"
                  maxLength={4}
                  invalid={invalid("cvc")}
                  describedBy={describedBy(hintId("cvc"), invalid("cvc") && errorId("cvc"))}
                  hint={<Text id={hintId("cvc")} size="small" className="text-ui-fg-subtle">{t("cvcHint")}</Text>}
                  error={invalid("cvc") && fieldError ? <FieldError id={errorId("cvc")} error={fieldError} /> : null}
                />
              </div>
              {testMode && (
                <div className="txt-compact-small flex flex-col gap-y-1 text-ui-fg-subtle">
                  <p className="text-ui-fg-base">{t("testCardsIntro")}</p>
                  <ul className="flex flex-col gap-y-0.5">
                    {TEST_CARDS.map((testCard) => (
                      <li key={testCard.number}>
                        {t.rich("testCard", {
                          number: testCard.number,
                          behavior: testCard.behavior,
                          // The number keeps its order and Latin digits inside the Arabic line.
                          ltr: (chunks) => (
                            <bdi dir="ltr" className="font-mono text-ui-fg-base">
                              {chunks}
                            </bdi>
                          ),
                        })}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </fieldset>
          </div>
        )}
      </fieldset>

      <div className="flex flex-col">
        {/* Always in place, so what fills it is announced. */}
        <div
          ref={alertRef}
          id={`${ids}-problem`}
          tabIndex={-1}
          role="alert"
          className="rounded-lg outline-none focus-visible:shadow-borders-focus [&:not(:empty)]:mb-4"
        >
          {shown && (
            <Alert variant="error">
              <ProblemMessage problem={shown.value.problem} onHold={onHold} />
              {shown.value.cardSaved && <p className="mt-1">{t("cardSaved")}</p>}
            </Alert>
          )}
        </div>

        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <Button
            type="submit"
            variant="primary"
            size="large"
            aria-disabled={busy || undefined}
            className={BUSY_BUTTON}
          >
            {/* One flex item, so the button's gap does not widen the spaces around the amount. */}
            <span>
              {onHold && due
                ? t.rich("payAndConfirm", money(due.amount, due.currencyCode))
                : t("confirm")}
            </span>
          </Button>
          <div
            ref={statusRef}
            tabIndex={-1}
            role="status"
            aria-live="polite"
            className="txt-compact-small rounded-md text-ui-fg-subtle outline-none focus-visible:shadow-borders-focus"
          >
            {pending ? (
              <span className="flex items-center gap-x-2">
                <Spinner />
                {busyText}
              </span>
            ) : notConfirmed ? (
              onHold ? t("notConfirmedOnHold") : t("notConfirmed")
            ) : null}
          </div>
        </div>
      </div>

      <Prompt variant="confirmation" open={confirmation !== null} onOpenChange={confirmationOpenChange}>
        <Prompt.Content
          className="w-[calc(100%-2rem)] text-start"
          onOpenAutoFocus={(event) => {
            // The customer came to pay: "Confirm payment" is the first stop.
            event.preventDefault()
            confirmButtonRef.current?.focus()
          }}
          onCloseAutoFocus={(event) => {
            if (afterClose.current) {
              event.preventDefault()
              tellAfterClose()
            }
          }}
        >
          <Prompt.Header>
            <Prompt.Title>{t("confirmTitle")}</Prompt.Title>
            <Prompt.Description>
              {confirmation &&
                t.rich("confirmBody", money(confirmation.amount, confirmation.currencyCode))}
            </Prompt.Description>
          </Prompt.Header>
          <div className="px-6 [&:not(:empty)]:pt-4" role="alert">
            {confirmError && (
              <Alert variant="error">
                <ProblemMessage problem={confirmError} onHold={onHold} />
              </Alert>
            )}
          </div>
          <div role="status" aria-live="polite" className="txt-compact-small px-6 text-ui-fg-subtle [&:not(:empty)]:pt-4">
            {confirming && (
              <span className="flex items-center gap-x-2">
                <Spinner />
                {t("processing")}
              </span>
            )}
          </div>
          <Prompt.Footer className="flex-col-reverse gap-2 sm:flex-row">
            <Prompt.Cancel className={BUSY_BUTTON} aria-disabled={confirming || undefined}>
              {t("cancelConfirmation")}
            </Prompt.Cancel>
            <Button
              ref={confirmButtonRef}
              type="button"
              variant="primary"
              size="small"
              onClick={confirmPayment}
              aria-disabled={confirming || undefined}
              className={BUSY_BUTTON}
            >
              {t("confirmPayment")}
            </Button>
          </Prompt.Footer>
        </Prompt.Content>
      </Prompt>
    </form>
  )
}

const UNEXPECTED: PortalFailure = { kind: "unexpected" }

/**
 * Calls a server action. A redirect (the confirmation page) passes through; a request that never
 * got an answer reads as a store that cannot be reached.
 */
async function safely<T>(call: () => Promise<T>): Promise<T | { status: "failed"; failure: PortalFailure }> {
  try {
    return await call()
  } catch (error) {
    unstable_rethrow(error)
    return { status: "failed", failure: { kind: "unreachable" } }
  }
}

function problemOf(result: Exclude<PaymentMethodChangeResult, { status: "requires_action" | "session_ended" }>): Problem {
  switch (result.status) {
    case "payment_failed":
      return { kind: "payment_failed", code: result.code }
    case "not_found":
      return { kind: "not_found" }
    case "conflict":
      return { kind: "conflict" }
    case "interrupted":
      return { kind: "interrupted" }
    case "refused":
      return { kind: "refused", message: result.message }
    case "failed":
      return { kind: "failed", failure: result.failure }
    default:
      return { kind: "failed", failure: UNEXPECTED }
  }
}

function ProblemMessage({ problem, onHold }: { problem: Problem; onHold: boolean }) {
  const t = useTranslations("PaymentMethod")
  switch (problem.kind) {
    case "payment_failed":
      return (
        <>
          <p className="txt-compact-small-plus">{t("paymentFailed")}</p>
          <p className="mt-1">
            {isPaymentFailureCode(problem.code) ? t(`failures.${problem.code}`) : t("failures.other")}
          </p>
          {onHold && <p className="mt-1">{t("stillOnHold")}</p>}
        </>
      )
    case "not_found":
      return t("notFound")
    case "conflict":
      return t("conflict")
    case "interrupted":
      return (
        <>
          <p>{t("interrupted")}</p>
          {onHold && <p className="mt-1">{t("stillOnHold")}</p>}
        </>
      )
    case "refused":
      // The backend's sentence, often English: isolated inside an Arabic page.
      return <bdi dir="auto">{problem.message}</bdi>
    case "no_choice":
      return t("noChoice")
    default:
      return <FailureMessage failure={problem.failure} />
  }
}

type CardTextFieldProps = {
  ref: Ref<HTMLInputElement>
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  autoComplete: "cc-number" | "cc-exp" | "cc-csc"
  maxLength: number
  placeholder?: string
  invalid: boolean
  describedBy: string | undefined
  hint?: ReactNode
  error: ReactNode
}

/**
 * One card field. No `name`: the fields are only read by the script, so a form sent before the
 * page is ready carries no card data, and never in a URL.
 */
function CardTextField({
  ref,
  id,
  label,
  value,
  onChange,
  autoComplete,
  maxLength,
  placeholder,
  invalid,
  describedBy,
  hint,
  error,
}: CardTextFieldProps) {
  return (
    <div className="flex flex-col gap-y-1.5">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Input
        ref={ref}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete={autoComplete}
        autoCorrect="off"
        spellCheck={false}
        maxLength={maxLength}
        placeholder={placeholder}
        // Card digits read left to right in either language.
        dir="ltr"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-required="true"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="h-10 text-start"
      />
      {hint}
      {error}
    </div>
  )
}

function FieldError({ id, error }: { id: string; error: { field: CardField; problem: CardProblem } }) {
  const t = useTranslations("PaymentMethod.fieldErrors")
  const { field, problem } = error
  let text: string
  if (field === "number") {
    text = problem === "missing" ? t("numberMissing") : t("numberInvalid")
  } else if (field === "expiry") {
    text =
      problem === "missing" ? t("expiryMissing") : problem === "expired" ? t("expiryPassed") : t("expiryInvalid")
  } else {
    text = problem === "missing" ? t("cvcMissing") : t("cvcInvalid")
  }
  return (
    <Text id={id} size="small" className="text-ui-fg-error">
      {text}
    </Text>
  )
}

function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="size-3.5 shrink-0 animate-spin rounded-full border-2 border-current border-e-transparent"
    />
  )
}
