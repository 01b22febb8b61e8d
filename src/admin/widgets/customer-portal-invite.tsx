import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, FocusModal, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { useState } from "react"
import { portalClient, usePortalSettings } from "../lib/client"
import { CopyField } from "../lib/copy-field"
import { errorMessage } from "../lib/errors"
import type { PortalSessionLink } from "../lib/types"

const formatExpiry = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso))

/** A4: "Share invite" on a customer — the static links, a one-time link to copy or email, and revocation. */
const CustomerPortalInviteWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const [open, setOpen] = useState(false)
  const [created, setCreated] = useState<PortalSessionLink | null>(null)
  const prompt = usePrompt()
  const settings = usePortalSettings({ enabled: open })

  const createLink = useMutation({
    mutationFn: (send_email: boolean) => portalClient.customers.customerPortal.create(customer.id, { send_email }),
    onSuccess: (link) => {
      setCreated(link)
      if (link.emailed) toast.success(`A new link was emailed to ${customer.email}.`)
    },
    onError: (error) => toast.error(errorMessage(error, "The link could not be created. Try again.")),
  })

  const revoke = useMutation({
    mutationFn: () => portalClient.customers.customerPortal.revokeAll(customer.id),
    onSuccess: ({ links, sessions }) =>
      toast.success(`Revoked ${links} unused link${links === 1 ? "" : "s"} and ${sessions} session${sessions === 1 ? "" : "s"}.`),
    onError: (error) => toast.error(errorMessage(error, "Access could not be revoked. Try again.")),
  })

  const confirmRevoke = async () => {
    const confirmed = await prompt({
      title: "Revoke all links and sessions?",
      description: `${customer.email} will be signed out of the customer portal, and links already sent will stop working.`,
      confirmText: "Revoke",
      cancelText: "Cancel",
    })
    if (confirmed) revoke.mutate()
  }

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <Heading level="h2">Customer portal</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Invoices, subscriptions, payment methods and license keys, without contacting support.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" onClick={confirmRevoke} isLoading={revoke.isPending}>
            Revoke all links and sessions
          </Button>
          <Button size="small" onClick={() => (setCreated(null), setOpen(true))}>
            Share invite
          </Button>
        </div>
      </div>
      <FocusModal open={open} onOpenChange={setOpen}>
        <FocusModal.Content aria-describedby={undefined}>
          <FocusModal.Header />
          <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-10">
            <div className="flex w-full max-w-xl flex-col gap-y-6 px-4">
              <div>
                <FocusModal.Title asChild>
                  <Heading level="h1">Share the customer portal</Heading>
                </FocusModal.Title>
                <Text className="text-ui-fg-subtle">With {customer.email}</Text>
              </div>
              <section className="flex flex-col gap-y-3" aria-labelledby="portal-static-heading">
                <Heading level="h3" id="portal-static-heading">Static link</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  Never expires. The customer types the email they bought with and receives a one-time sign-in link.
                </Text>
                {settings.isLoading && <Text size="small">Loading…</Text>}
                {settings.isError && <Text size="small" className="text-ui-fg-error">The static links could not be loaded.</Text>}
                {settings.data && (
                  <>
                    <CopyField id="invite-static-test" label="Test mode" value={settings.data.static_links.test} />
                    <CopyField id="invite-static-live" label="Live mode" value={settings.data.static_links.live} />
                  </>
                )}
              </section>
              <section className="flex flex-col gap-y-3" aria-labelledby="portal-dynamic-heading">
                <Heading level="h3" id="portal-dynamic-heading">One-time link</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  Takes this customer straight into their portal. It works once and expires after 24 hours. A link you copy
                  shows only this customer record until the customer confirms their email from the portal; an emailed link
                  proves the address, so it also shows what was bought with it as a guest.
                </Text>
                <div className="flex flex-wrap gap-2">
                  <Button size="small" onClick={() => createLink.mutate(false)} isLoading={createLink.isPending && !createLink.variables}>
                    Create link
                  </Button>
                  <Button size="small" variant="secondary" onClick={() => createLink.mutate(true)} isLoading={createLink.isPending && !!createLink.variables}>
                    Create and email link
                  </Button>
                </div>
                {created && (
                  <div className="flex flex-col gap-y-2" aria-live="polite">
                    {created.link !== null && <CopyField id="invite-dynamic-link" label="One-time link" value={created.link} />}
                    <Text size="small" className="text-ui-fg-subtle">
                      {created.emailed ? `Emailed to ${customer.email}; only that mailbox has the link. ` : ""}
                      Expires {formatExpiry(created.expires_at)}.
                    </Text>
                  </div>
                )}
              </section>
            </div>
          </FocusModal.Body>
        </FocusModal.Content>
      </FocusModal>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerPortalInviteWidget
