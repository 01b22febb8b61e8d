import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Link, useParams } from "react-router-dom"
import { invoicePdfUrl, portalClient } from "../../../lib/client"
import { errorMessage } from "../../../lib/errors"
import { formatDay, formatMinor, InvoiceStatusBadge, PdfLink } from "../../../lib/invoices"
import { cardLabel, priceLabel, SubscriptionStatusBadge } from "../../../lib/subscriptions"

/** One subscription: its state, payment method and invoices; cancel it, or retry a failed charge. */
const SubscriptionDetailPage = () => {
  const { id = "" } = useParams()
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const key = ["customer-portal", "subscription", id]
  const { data, isLoading, isError, error } = useQuery({ queryKey: key, queryFn: () => portalClient.subscriptions.retrieve(id) })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["customer-portal"] })

  const cancel = useMutation({
    mutationFn: (when: "now" | "period_end") => portalClient.subscriptions.cancel(id, { when, reason: "other" }),
    onSuccess: (_, when) => {
      refresh()
      toast.success(when === "now" ? "The subscription is cancelled." : "The subscription ends at the end of its period.")
    },
    onError: (e) => toast.error(errorMessage(e, "The subscription could not be cancelled. Try again.")),
  })
  const retry = useMutation({
    mutationFn: () => portalClient.subscriptions.retry(id),
    onSuccess: () => {
      refresh()
      toast.success("Charged: the subscription is active again.")
    },
    onError: (e) => toast.error(errorMessage(e, "The charge failed. Ask the customer to update their payment method.")),
  })
  const confirmCancel = async (when: "now" | "period_end") => {
    const ok = await prompt({
      title: when === "now" ? "Cancel this subscription now?" : "Cancel at the end of the period?",
      description:
        when === "now"
          ? "It ends at once, its open invoices are voided, and the customer is emailed."
          : "It stays active until the period it is paid for ends, then ends without another charge. The customer is emailed and can undo it until then.",
      confirmText: "Cancel subscription",
      cancelText: "Keep it",
    })
    if (ok) cancel.mutate(when)
  }

  if (isLoading) return <Container><Text aria-live="polite">Loading the subscription…</Text></Container>
  if (isError || !data) {
    return (
      <Container>
        <Text className="text-ui-fg-error" role="alert">
          {errorMessage(error, "The subscription could not be loaded.")}
        </Text>
      </Container>
    )
  }
  const { subscription: sub, invoices } = data
  const live = sub.status === "active" || sub.status === "on_hold"

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div className="flex items-center gap-x-3">
            <Heading level="h1">{sub.plan_title}</Heading>
            <SubscriptionStatusBadge subscription={sub} />
          </div>
          <div className="flex flex-wrap gap-2">
            {sub.status === "on_hold" && (
              <Button size="small" onClick={() => retry.mutate()} isLoading={retry.isPending}>
                Retry the charge
              </Button>
            )}
            {live && !sub.cancel_at_period_end && sub.status === "active" && (
              <Button size="small" variant="secondary" onClick={() => confirmCancel("period_end")} isLoading={cancel.isPending && cancel.variables === "period_end"}>
                Cancel at period end
              </Button>
            )}
            {live && (
              <Button size="small" variant="danger" onClick={() => confirmCancel("now")} isLoading={cancel.isPending && cancel.variables === "now"}>
                Cancel now
              </Button>
            )}
          </div>
        </div>
        <dl className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3">
          {[
            ["Price", priceLabel(sub)],
            ["Customer", <Link key="c" to={`/customers/${sub.customer_id}`} className="text-ui-fg-interactive">View customer</Link>],
            ["Payment method", cardLabel(sub.payment_method_brand, sub.payment_method_last4) ?? "None saved"],
            ["Current period", `${formatDay(sub.current_period_start)} – ${formatDay(sub.current_period_end)}`],
            [
              sub.ended_at ? "Ended" : sub.cancel_at_period_end ? "Ends" : "Next renewal",
              sub.ended_at ? formatDay(sub.ended_at) : sub.cancel_at_period_end ? formatDay(sub.current_period_end) : sub.next_renewal_at ? formatDay(sub.next_renewal_at) : "—",
            ],
            ["On hold since", sub.on_hold_since ? formatDay(sub.on_hold_since) : "—"],
            ["Started", formatDay(sub.created_at)],
            ["First order", sub.order_id ? <Link key="o" to={`/orders/${sub.order_id}`} className="text-ui-fg-interactive">View order</Link> : "—"],
            ["Cancellation reason", sub.cancellation_reason ? `${sub.cancellation_reason.replace(/_/g, " ")}${sub.cancellation_comment ? ` — “${sub.cancellation_comment}”` : ""}` : "—"],
          ].map(([label, value]) => (
            <div key={String(label)}>
              <dt className="txt-compact-small text-ui-fg-subtle">{label}</dt>
              <dd className="txt-compact-small-plus">{value}</dd>
            </div>
          ))}
        </dl>
      </Container>
      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h2">Invoices</Heading>
        {invoices.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            No renewal invoices yet; the first order has its own.
          </Text>
        )}
        <ul className="flex flex-col gap-y-2" aria-label="Invoices of this subscription">
          {invoices.map((invoice) => (
            <li key={invoice.id} className="flex flex-wrap items-center justify-between gap-2">
              <Text size="small" weight="plus">
                {invoice.number}
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {formatDay(invoice.issued_at)} · {formatMinor(invoice.total, invoice.currency_code)}
              </Text>
              <InvoiceStatusBadge status={invoice.status} />
              <PdfLink href={invoicePdfUrl(invoice.id)} label={`Download ${invoice.number} as a PDF`}>
                PDF
              </PdfLink>
            </li>
          ))}
        </ul>
      </Container>
    </div>
  )
}

export default SubscriptionDetailPage
