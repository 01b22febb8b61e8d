import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import type { PortalActivityEntry } from "../../client"
import { portalClient } from "../lib/client"
import { ListPagination, PAGE_SIZE } from "../lib/list-page"

const ACTIONS: Record<PortalActivityEntry["action"], string> = {
  link_issued: "Sign-in link issued",
  signed_in: "Signed in",
  signed_out: "Signed out",
  signed_out_everywhere: "Signed out everywhere",
  access_revoked: "All links and sessions revoked",
  subscription_cancelled: "Subscription cancelled",
  cancellation_undone: "Cancellation undone",
  subscription_renewed: "Subscription renewed",
  subscription_payment_failed: "Renewal payment failed",
  subscription_reactivated: "Subscription active again",
  subscription_ended: "Subscription ended",
  license_keys_revoked: "License keys revoked",
  license_keys_restored: "License keys restored",
  payment_method_added: "Card added",
  payment_method_changed: "Payment method changed",
  profile_updated: "Details changed",
  email_change_requested: "Email change requested",
  email_changed: "Email changed",
  email_change_undone: "Email change undone",
  email_confirmation_requested: "Email confirmation asked for",
  email_confirmed: "Email confirmed",
}

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" })

/** What an entry was about, in a few words. */
function about(entry: PortalActivityEntry): string {
  const d = entry.details as Record<string, any>
  const parts: string[] = []
  if (typeof d.plan === "string") parts.push(d.plan)
  if (typeof d.invoice_number === "string") parts.push(d.invoice_number)
  if (typeof d.brand === "string" || typeof d.last4 === "string") parts.push([d.brand, d.last4 && `•••• ${d.last4}`].filter(Boolean).join(" "))
  if (Array.isArray(d.fields)) parts.push(d.fields.join(", "))
  if (typeof d.email === "string") parts.push(d.email)
  if (typeof d.sessions === "number") parts.push(`${d.sessions} session${d.sessions === 1 ? "" : "s"}`)
  if (d.requested_on === "login_page") parts.push("asked for on the sign-in page")
  if (d.emailed === true) parts.push("emailed")
  if (d.email_proven === true) parts.push("with a link emailed to them")
  if (d.email_proven === false) parts.push("with a link handed over")
  if (d.by === "api_key") parts.push("by API key")
  return parts.join(" · ")
}

/** The customer's portal audit trail on their page in the admin: who did what, when and from where. */
const CustomerPortalActivityWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const [page, setPage] = useState(0)
  const { data, isLoading, isError } = useQuery({
    queryKey: ["customer-portal", "activity", customer.id, page],
    queryFn: () => portalClient.customers.customerPortal.activity(customer.id, { limit: PAGE_SIZE, offset: page * PAGE_SIZE }),
  })

  return (
    <Container className="flex flex-col gap-y-3 p-0">
      <div className="px-6 pt-4">
        <Heading level="h2">Customer portal activity</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Sign-ins, links and changes made in the portal, by the customer or the store.
        </Text>
      </div>
      {isLoading && (
        <Text size="small" className="px-6 pb-4" aria-live="polite">
          Loading…
        </Text>
      )}
      {isError && (
        <Text size="small" className="px-6 pb-4 text-ui-fg-error" role="alert">
          The activity could not be loaded. Reload the page to try again.
        </Text>
      )}
      {data && data.count === 0 && (
        <Text size="small" className="px-6 pb-4 text-ui-fg-subtle">
          Nothing yet. Entries appear when the customer is sent a link or uses the portal.
        </Text>
      )}
      {data && data.count > 0 && (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>What</Table.HeaderCell>
                <Table.HeaderCell>By</Table.HeaderCell>
                <Table.HeaderCell>From</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.activity.map((entry) => (
                <Table.Row key={entry.id}>
                  <Table.Cell>
                    <time dateTime={entry.at}>{WHEN.format(new Date(entry.at))}</time>
                  </Table.Cell>
                  <Table.Cell>
                    <span className="flex flex-col">
                      <span>{ACTIONS[entry.action] ?? entry.action}</span>
                      {about(entry) && <span className="text-ui-fg-subtle">{about(entry)}</span>}
                    </span>
                  </Table.Cell>
                  <Table.Cell>{entry.by === "customer" ? "Customer" : entry.by === "store" ? "Store" : "System"}</Table.Cell>
                  <Table.Cell>
                    <span className="flex flex-col">
                      <span>{entry.ip ?? "—"}</span>
                      {entry.device && (
                        <span className="max-w-[16rem] truncate text-ui-fg-subtle" title={entry.device}>
                          {entry.device}
                        </span>
                      )}
                    </span>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <ListPagination count={data.count} page={page} goTo={setPage} />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerPortalActivityWidget
