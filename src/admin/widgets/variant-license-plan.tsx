import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProductVariant, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Label, Switch, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState, type FormEvent } from "react"
import { errorMessage } from "../lib/errors"
import { licenseClient, licensePlanKey, planTermsLabel } from "../lib/license-keys"

const whole = (value: string, min: number, max: number) => /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max

/** Makes the variant license-keyed: each unit bought gets a key, on the terms set here. */
const VariantLicensePlanWidget = ({ data: variant }: DetailWidgetProps<AdminProductVariant>) => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const key = licensePlanKey(variant.id)
  const { data, isLoading, isError } = useQuery({ queryKey: key, queryFn: () => licenseClient.plans.list({ product_variant_id: variant.id }) })
  const plan = data?.license_plans[0] ?? null

  const [editing, setEditing] = useState(false)
  const [unlimited, setUnlimited] = useState(true)
  const [limit, setLimit] = useState("1")
  const [lifetime, setLifetime] = useState(true)
  const [days, setDays] = useState("365")
  const [prefix, setPrefix] = useState("")
  const [saveError, setSaveError] = useState<string | null>(null)
  useEffect(() => {
    setEditing(false)
    setSaveError(null)
    setUnlimited(plan ? plan.activation_limit === null : true)
    setLimit(String(plan?.activation_limit ?? 1))
    setLifetime(plan ? plan.validity_days === null : true)
    setDays(String(plan?.validity_days ?? 365))
    setPrefix(plan?.key_prefix ?? "")
  }, [plan?.id, plan?.activation_limit, plan?.validity_days, plan?.key_prefix])

  const limitValid = unlimited || whole(limit, 1, 100_000)
  const daysValid = lifetime || whole(days, 1, 36_500)
  const prefixValid = /^[A-Za-z0-9]{0,10}$/.test(prefix.trim())
  const valid = limitValid && daysValid && prefixValid

  const save = useMutation({
    mutationFn: () =>
      licenseClient.plans.upsert({
        product_variant_id: variant.id,
        activation_limit: unlimited ? null : Number(limit),
        validity_days: lifetime ? null : Number(days),
        key_prefix: prefix.trim() ? prefix.trim().toUpperCase() : null,
      }),
    onMutate: () => setSaveError(null),
    onSuccess: () => {
      const wasIssuing = !!plan
      queryClient.invalidateQueries({ queryKey: key })
      toast.success(wasIssuing ? "License terms saved. Keys already issued keep theirs." : "This variant now issues a license key for each unit sold.")
    },
    onError: (error) => setSaveError(errorMessage(error, "The license terms could not be saved. Check them and try again.")),
  })
  const stop = useMutation({
    mutationFn: () => licenseClient.plans.remove(plan!.id),
    onMutate: () => setSaveError(null),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: key })
      toast.success("This variant no longer issues license keys. Keys already issued stay as they are.")
    },
    onError: (error) => setSaveError(errorMessage(error, "The variant could not be changed. Try again.")),
  })
  const confirmStop = async () => {
    const ok = await prompt({
      title: "Stop issuing license keys?",
      description: "New orders of this variant get no key. Keys already issued keep working on their terms; revoke them one by one on the License keys page.",
      confirmText: "Stop issuing keys",
      cancelText: "Keep issuing",
    })
    if (ok) stop.mutate()
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (valid) save.mutate()
  }
  const showForm = !!plan || editing

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div>
        <Heading level="h2">License keys</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each unit of this variant bought gets a license key, shown to the customer in their portal and checked by your software through the license API.
        </Text>
      </div>
      {isLoading && <Text size="small">Loading…</Text>}
      {isError && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          The license terms could not be loaded. Reload the page to try again.
        </Text>
      )}
      {data && (
        <Text size="small" weight="plus" aria-live="polite">
          {plan ? `Issues license keys: ${planTermsLabel(plan)}.` : "Does not issue license keys."}
        </Text>
      )}
      {data && !showForm && (
        <div className="flex justify-end">
          <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
            Issue license keys
          </Button>
        </div>
      )}
      {data && showForm && (
        <form className="flex flex-col gap-y-4" onSubmit={submit} noValidate>
          <fieldset className="flex flex-col gap-y-2">
            <legend className="sr-only">Activations</legend>
            <div className="flex items-center gap-x-3">
              <Switch id="license-unlimited" checked={unlimited} onCheckedChange={setUnlimited} />
              <Label htmlFor="license-unlimited" size="small">
                Unlimited activations
              </Label>
            </div>
            {!unlimited && (
              <div className="flex flex-col gap-y-1">
                <Label htmlFor="license-limit" size="small" weight="plus">
                  Activation limit
                </Label>
                <Input
                  id="license-limit"
                  inputMode="numeric"
                  value={limit}
                  onChange={(e) => setLimit(e.target.value)}
                  aria-invalid={!limitValid}
                  aria-describedby="license-limit-hint"
                />
                <Text id="license-limit-hint" size="xsmall" className={limitValid ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
                  {limitValid ? "How many installations can use one key at a time." : "Enter a whole number from 1 to 100000."}
                </Text>
              </div>
            )}
          </fieldset>
          <fieldset className="flex flex-col gap-y-2">
            <legend className="sr-only">Validity</legend>
            <div className="flex items-center gap-x-3">
              <Switch id="license-lifetime" checked={lifetime} onCheckedChange={setLifetime} />
              <Label htmlFor="license-lifetime" size="small">
                Lifetime keys
              </Label>
            </div>
            {!lifetime && (
              <div className="flex flex-col gap-y-1">
                <Label htmlFor="license-days" size="small" weight="plus">
                  Valid for (days)
                </Label>
                <Input
                  id="license-days"
                  inputMode="numeric"
                  value={days}
                  onChange={(e) => setDays(e.target.value)}
                  aria-invalid={!daysValid}
                  aria-describedby="license-days-hint"
                />
                <Text id="license-days-hint" size="xsmall" className={daysValid ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
                  {daysValid ? "Counted from the order. A key bought with a subscription lasts as long as the subscription instead." : "Enter a whole number of days from 1 to 36500."}
                </Text>
              </div>
            )}
          </fieldset>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="license-prefix" size="small" weight="plus">
              Key prefix (optional)
            </Label>
            <Input
              id="license-prefix"
              value={prefix}
              maxLength={10}
              onChange={(e) => setPrefix(e.target.value.toUpperCase())}
              placeholder="ACME"
              className="font-mono"
              aria-invalid={!prefixValid}
              aria-describedby="license-prefix-hint"
            />
            <Text id="license-prefix-hint" size="xsmall" className={prefixValid ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
              {prefixValid
                ? `Up to 10 letters or digits starting every key: ${prefix.trim() ? prefix.trim().toUpperCase() : "ACME"}-7K2PQ-9QXMB-4TDVW-…`
                : "Use only letters and digits, up to 10."}
            </Text>
          </div>
          {saveError && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {saveError}
            </Text>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            {plan ? (
              <Button type="button" size="small" variant="secondary" onClick={confirmStop} isLoading={stop.isPending} disabled={save.isPending}>
                Stop issuing keys
              </Button>
            ) : (
              <Button type="button" size="small" variant="secondary" onClick={() => (setEditing(false), setSaveError(null))} disabled={save.isPending}>
                Cancel
              </Button>
            )}
            <Button type="submit" size="small" isLoading={save.isPending} disabled={!valid || stop.isPending}>
              {plan ? "Save" : "Issue keys"}
            </Button>
          </div>
        </form>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product_variant.details.side.after" })

export default VariantLicensePlanWidget
