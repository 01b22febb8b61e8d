import { Button, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { PORTAL_SETTINGS_KEY, portalClient } from "../lib/client"
import { errorMessage } from "../lib/errors"
import type { AdminCustomerPortal, BusinessAddress } from "../lib/types"

type Editable = Omit<AdminCustomerPortal, "business_id">

const TEXT_FIELDS: { key: "name" | "support_email" | "return_url" | "logo_url" | "accent_color"; label: string; hint: string; type?: string }[] = [
  { key: "name", label: "Store name", hint: "Shown in the portal and its emails." },
  { key: "support_email", label: "Support email", hint: "Where customers write when they need help.", type: "email" },
  { key: "return_url", label: "Return URL", hint: "The “Back to the store” link in the portal.", type: "url" },
  { key: "logo_url", label: "Logo URL", hint: "An image shown in the portal header, emails and invoices.", type: "url" },
  { key: "accent_color", label: "Accent colour", hint: "A colour such as #1f6feb, for buttons in emails." },
]

const ADDRESS_FIELDS: { key: keyof BusinessAddress; label: string; wide?: boolean; hint?: string }[] = [
  { key: "company", label: "Legal name", wide: true, hint: "If it differs from the store name." },
  { key: "address_1", label: "Address", wide: true },
  { key: "address_2", label: "Address, line 2", wide: true },
  { key: "postal_code", label: "Postal code" },
  { key: "city", label: "City" },
  { key: "province", label: "State or province" },
  { key: "country_code", label: "Country code", hint: "Two letters, such as us or ae." },
  { key: "phone", label: "Phone" },
  { key: "tax_id", label: "Tax ID", hint: "VAT, GST or other tax registration number." },
]

/** The address as the API takes it: trimmed, blanks as null, and null when nothing is filled in. */
function cleanAddress(address: BusinessAddress | null): BusinessAddress | null {
  if (!address) return null
  const entries = ADDRESS_FIELDS.map(({ key }) => [key, address[key]?.trim() || null] as const)
  return entries.some(([, v]) => v) ? Object.fromEntries(entries) : null
}

const FEATURES: { key: keyof Editable; label: string }[] = [
  { key: "allow_cancellation", label: "Customers can cancel subscriptions" },
  { key: "allow_payment_method_update", label: "Customers can update payment methods" },
  { key: "allow_profile_edit", label: "Customers can edit their profile" },
  { key: "allow_license_deactivation", label: "Customers can deactivate license activations" },
]

/** The portal's settings: branding, mode, language and the features customers may use. */
export const PortalSettingsForm = ({ portal }: { portal: AdminCustomerPortal }) => {
  const queryClient = useQueryClient()
  const [form, setForm] = useState<Editable>(portal)
  const set = <K extends keyof Editable>(key: K, value: Editable[K]) => setForm((f) => ({ ...f, [key]: value }))

  const save = useMutation({
    mutationFn: () => {
      const { business_id: _id, ...body } = form as AdminCustomerPortal
      const blankToNull = (v: string | null) => (v && v.trim() ? v.trim() : null)
      return portalClient.settings.update({
        ...body,
        name: body.name.trim(),
        support_email: blankToNull(body.support_email),
        return_url: blankToNull(body.return_url),
        logo_url: blankToNull(body.logo_url),
        accent_color: blankToNull(body.accent_color),
        business_address: cleanAddress(body.business_address),
      })
    },
    onSuccess: (data) => {
      queryClient.setQueryData(PORTAL_SETTINGS_KEY, data)
      toast.success("Portal settings saved.")
    },
    onError: (error) => toast.error(errorMessage(error, "The settings could not be saved. Check the fields and try again.")),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4" aria-label="Portal settings">
      {TEXT_FIELDS.map(({ key, label, hint, type }) => (
        <div key={key} className="flex flex-col gap-y-1">
          <Label htmlFor={`portal-${key}`} size="small" weight="plus">
            {label}
          </Label>
          <Input id={`portal-${key}`} type={type ?? "text"} value={form[key] ?? ""} onChange={(e) => set(key, e.target.value)} aria-describedby={`portal-${key}-hint`} />
          <Text id={`portal-${key}-hint`} size="xsmall" className="text-ui-fg-subtle">
            {hint}
          </Text>
        </div>
      ))}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {(
          [
            ["mode", "Mode", [["test", "Test mode"], ["live", "Live mode"]]],
            ["default_locale", "Default language", [["en", "English"], ["ar", "العربية"]]],
            ["cancellation_mode", "Cancellation", [["both", "Now or at period end"], ["period_end", "At period end"], ["immediately", "Immediately"]]],
          ] as const
        ).map(([key, label, choices]) => (
          <div key={key} className="flex flex-col gap-y-1">
            <Label id={`portal-${key}-label`} size="small" weight="plus">
              {label}
            </Label>
            <Select value={form[key] as string} onValueChange={(v) => set(key, v as never)}>
              <Select.Trigger aria-labelledby={`portal-${key}-label`}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {choices.map(([value, text]) => (
                  <Select.Item key={value} value={value}>
                    {text}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        ))}
      </div>
      <fieldset className="flex flex-col gap-y-3">
        <legend className="txt-compact-small-plus mb-1">Invoice details</legend>
        <Text size="xsmall" className="text-ui-fg-subtle">
          Printed as the seller on every invoice PDF, under the store name and logo.
        </Text>
        <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
          {ADDRESS_FIELDS.map(({ key, label, wide, hint }) => (
            <div key={key} className={`flex flex-col gap-y-1 ${wide ? "md:col-span-3" : ""}`}>
              <Label htmlFor={`portal-address-${key}`} size="small" weight="plus">
                {label}
              </Label>
              <Input
                id={`portal-address-${key}`}
                value={form.business_address?.[key] ?? ""}
                onChange={(e) => set("business_address", { ...(form.business_address ?? {}), [key]: e.target.value })}
                aria-describedby={hint ? `portal-address-${key}-hint` : undefined}
              />
              {hint && (
                <Text id={`portal-address-${key}-hint`} size="xsmall" className="text-ui-fg-subtle">
                  {hint}
                </Text>
              )}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-y-3">
        <legend className="txt-compact-small-plus mb-2">Features</legend>
        {FEATURES.map(({ key, label }) => (
          <div key={key} className="flex items-center gap-x-3">
            <Switch id={`portal-${key}`} checked={form[key] as boolean} onCheckedChange={(v) => set(key, v as never)} />
            <Label htmlFor={`portal-${key}`} size="small">
              {label}
            </Label>
          </div>
        ))}
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" size="small" isLoading={save.isPending}>
          Save
        </Button>
      </div>
    </form>
  )
}
