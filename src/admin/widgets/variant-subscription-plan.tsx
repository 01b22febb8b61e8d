import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProductVariant, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { portalClient } from "../lib/client"
import { errorMessage } from "../lib/errors"
import type { Interval } from "../lib/types"

const INTERVALS: { value: Interval; label: string }[] = [
  { value: "day", label: "Day" },
  { value: "week", label: "Week" },
  { value: "month", label: "Month" },
  { value: "year", label: "Year" },
]

/** Marks the variant as a subscription plan: customers who buy it are charged again every interval. */
const VariantSubscriptionPlanWidget = ({ data: variant }: DetailWidgetProps<AdminProductVariant>) => {
  const queryClient = useQueryClient()
  const key = ["customer-portal", "plans", variant.id]
  const { data, isLoading, isError } = useQuery({ queryKey: key, queryFn: () => portalClient.plans.list({ product_variant_id: variant.id }) })
  const plan = data?.plans[0] ?? null
  const [enabled, setEnabled] = useState(false)
  const [interval, setInterval] = useState<Interval>("month")
  const [count, setCount] = useState("1")
  useEffect(() => {
    setEnabled(!!plan)
    if (plan) {
      setInterval(plan.interval)
      setCount(String(plan.interval_count))
    }
  }, [plan?.id, plan?.interval, plan?.interval_count])

  const save = useMutation({
    mutationFn: async () => {
      if (!enabled) {
        if (plan) await portalClient.plans.remove(plan.id)
        return
      }
      await portalClient.plans.upsert({ product_variant_id: variant.id, interval, interval_count: Number(count) })
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: key })
      toast.success(enabled ? "Sold as a subscription." : "No longer sold as a subscription.")
    },
    onError: (error) => toast.error(errorMessage(error, "The plan could not be saved. Check the interval and try again.")),
  })

  const countValid = /^\d+$/.test(count) && Number(count) >= 1 && Number(count) <= 366

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div>
        <Heading level="h2">Subscription plan</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Customers who buy this variant with a saved card are charged again every interval, and manage it in their portal.
        </Text>
      </div>
      {isLoading && <Text size="small">Loading…</Text>}
      {isError && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          The plan could not be loaded. Reload the page to try again.
        </Text>
      )}
      {data && (
        <form
          className="flex flex-col gap-y-4"
          onSubmit={(e) => {
            e.preventDefault()
            if (!enabled || countValid) save.mutate()
          }}
        >
          <div className="flex items-center gap-x-3">
            <Switch id="plan-enabled" checked={enabled} onCheckedChange={setEnabled} />
            <Label htmlFor="plan-enabled" size="small">
              Sell as a subscription
            </Label>
          </div>
          {enabled && (
            <div className="grid grid-cols-2 gap-3">
              <div className="flex flex-col gap-y-1">
                <Label htmlFor="plan-count" size="small" weight="plus">
                  Every
                </Label>
                <Input
                  id="plan-count"
                  inputMode="numeric"
                  value={count}
                  onChange={(e) => setCount(e.target.value)}
                  aria-invalid={!countValid}
                  aria-describedby="plan-count-hint"
                />
                <Text id="plan-count-hint" size="xsmall" className={countValid ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
                  {countValid ? "How many intervals between charges." : "Enter a whole number from 1 to 366."}
                </Text>
              </div>
              <div className="flex flex-col gap-y-1">
                <Label id="plan-interval-label" size="small" weight="plus">
                  Interval
                </Label>
                <Select value={interval} onValueChange={(v) => setInterval(v as Interval)}>
                  <Select.Trigger aria-labelledby="plan-interval-label">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {INTERVALS.map(({ value, label }) => (
                      <Select.Item key={value} value={value}>
                        {label}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
            </div>
          )}
          <div className="flex justify-end">
            <Button type="submit" size="small" isLoading={save.isPending} disabled={enabled && !countValid}>
              Save
            </Button>
          </div>
        </form>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product_variant.details.side.after" })

export default VariantSubscriptionPlanWidget
