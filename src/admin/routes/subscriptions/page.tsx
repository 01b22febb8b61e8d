import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { Link } from "react-router-dom"
import { portalClient } from "../../lib/client"
import { sdk } from "../../lib/sdk"
import { formatDay } from "../../lib/invoices"
import { FilterSelect, ListPagination, PAGE_SIZE, useListParams } from "../../lib/list-page"
import { priceLabel, SUBSCRIPTION_STATUSES, SubscriptionStatusBadge } from "../../lib/subscriptions"
import type { SubscriptionStatus } from "../../lib/types"

/** Every subscription of the store, by status, customer and plan; each opens its detail. */
const SubscriptionsPage = () => {
  const { params, page, set, offset } = useListParams()
  const status = (params.get("status") ?? "") as SubscriptionStatus | ""
  const customer_id = params.get("customer_id") ?? ""
  const product_variant_id = params.get("product_variant_id") ?? ""
  const query = { status: status || undefined, customer_id, product_variant_id, limit: PAGE_SIZE, offset }
  const { data, isLoading, isError, error } = useQuery({
    queryKey: ["customer-portal", "subscriptions", query],
    queryFn: () => portalClient.subscriptions.list(query),
    placeholderData: keepPreviousData,
  })
  const count = data?.count ?? 0

  // Plans, named by their product and variant, for the plan filter.
  const plans = useQuery({
    queryKey: ["customer-portal", "plans", "named"],
    queryFn: async () => {
      const { plans } = await portalClient.plans.list()
      if (!plans.length) return []
      const { variants } = await sdk.admin.productVariant.list({ id: plans.map((p) => p.product_variant_id), fields: "id,title,product.title", limit: 200 } as any)
      return plans.map((plan) => {
        const v = variants.find((variant) => variant.id === plan.product_variant_id)
        return { variant_id: plan.product_variant_id, label: v ? `${v.product?.title ?? ""} · ${v.title}` : plan.product_variant_id }
      })
    },
  })

  // A customer is found by email; the list then shows their subscriptions.
  const [email, setEmail] = useState("")
  const [emailError, setEmailError] = useState<string | null>(null)
  const findCustomer = async (event: FormEvent) => {
    event.preventDefault()
    setEmailError(null)
    if (!email.trim()) return set({ customer_id: "" })
    const { customers } = await sdk.admin.customer.list({ q: email.trim(), limit: 1, fields: "id,email" } as any)
    if (!customers.length) return setEmailError("No customer has this email.")
    set({ customer_id: customers[0].id })
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h1">Subscriptions</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Plans customers bought with a saved card, renewed automatically. On-hold ones had a failed payment.
          </Text>
        </div>
        <form onSubmit={findCustomer} className="flex items-end gap-x-2" aria-label="Find a customer's subscriptions">
          <div className="flex w-64 flex-col gap-y-1">
            <Label htmlFor="subscription-customer" size="small" weight="plus">
              Customer email
            </Label>
            <Input
              id="subscription-customer"
              type="search"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              placeholder="name@example.com"
              aria-invalid={!!emailError}
              aria-describedby={emailError ? "subscription-customer-error" : undefined}
            />
          </div>
          <Button type="submit" size="small" variant="secondary">
            Find
          </Button>
        </form>
        <FilterSelect
          id="subscription-plan"
          label="Plan"
          allLabel="All plans"
          value={product_variant_id}
          options={(plans.data ?? []).map(({ variant_id, label }) => ({ value: variant_id, label }))}
          onChange={(v) => set({ product_variant_id: v })}
          className="w-56"
        />
        <FilterSelect
          id="subscription-status"
          label="Status"
          allLabel="All statuses"
          value={status}
          options={SUBSCRIPTION_STATUSES}
          onChange={(v) => set({ status: v })}
          className="w-48"
        />
      </div>
      {emailError && (
        <Text id="subscription-customer-error" size="small" className="px-6 py-2 text-ui-fg-error" role="alert">
          {emailError}
        </Text>
      )}
      {(customer_id || product_variant_id) && (
        <Text size="small" className="px-6 py-2 text-ui-fg-subtle">
          Showing the subscriptions of {customer_id ? "one customer" : "one plan"}.{" "}
          <button type="button" className="text-ui-fg-interactive" onClick={() => (setEmail(""), set({ customer_id: "", product_variant_id: "" }))}>
            Show all
          </button>
        </Text>
      )}
      {isLoading && (
        <Text className="px-6 py-4" aria-live="polite">
          Loading subscriptions…
        </Text>
      )}
      {isError && (
        <Text className="px-6 py-4 text-ui-fg-error" role="alert">
          {(error as Error)?.message || "The subscriptions could not be loaded."} Reload the page to try again.
        </Text>
      )}
      {data && data.subscriptions.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {status || customer_id || product_variant_id
            ? "No subscriptions match these filters."
            : "No subscriptions yet. Mark a product variant as a subscription plan on its page, then orders of it start one."}
        </Text>
      )}
      {data && data.subscriptions.length > 0 && (
        <>
          <div className="overflow-x-auto">
            <Table aria-label="Subscriptions">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Plan</Table.HeaderCell>
                  <Table.HeaderCell>Customer</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Price</Table.HeaderCell>
                  <Table.HeaderCell>Next renewal or end</Table.HeaderCell>
                  <Table.HeaderCell>Started</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.subscriptions.map((sub) => (
                  <Table.Row key={sub.id}>
                    <Table.Cell>
                      <Link to={`/subscriptions/${sub.id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-medium">
                        {sub.plan_title}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>
                      <Link to={`/customers/${sub.customer_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                        View customer
                      </Link>
                    </Table.Cell>
                    <Table.Cell>
                      <SubscriptionStatusBadge subscription={sub} />
                    </Table.Cell>
                    <Table.Cell className="tabular-nums">{priceLabel(sub)}</Table.Cell>
                    <Table.Cell>
                      {sub.next_renewal_at && !sub.cancel_at_period_end
                        ? formatDay(sub.next_renewal_at)
                        : sub.cancel_at_period_end
                          ? `Ends ${formatDay(sub.current_period_end)}`
                          : sub.ended_at
                            ? `Ended ${formatDay(sub.ended_at)}`
                            : "—"}
                    </Table.Cell>
                    <Table.Cell>{formatDay(sub.created_at)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <ListPagination count={count} page={page} goTo={(p) => set({ page: String(p) })} />
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Subscriptions", icon: ArrowPath })

export default SubscriptionsPage
