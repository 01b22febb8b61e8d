import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { PortalSettingsForm } from "../../../components/portal-settings-form"
import { CopyField } from "../../../lib/copy-field"
import { usePortalSettings } from "../../../lib/client"

const CustomerPortalSettingsPage = () => {
  const { data, isLoading, isError } = usePortalSettings()

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Customer portal</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Where customers see invoices, subscriptions, payment methods and license keys.
          </Text>
        </div>
        {data && (
          <Badge color={data.customer_portal.mode === "live" ? "green" : "orange"}>
            {data.customer_portal.mode === "live" ? "Live mode" : "Test mode"}
          </Badge>
        )}
      </div>
      {isLoading && (
        <Text className="px-6 py-4" aria-live="polite">
          Loading the portal settings…
        </Text>
      )}
      {isError && (
        <Text className="px-6 py-4 text-ui-fg-error" role="alert">
          The portal settings could not be loaded. Reload the page; if it keeps failing, check the server log.
        </Text>
      )}
      {data && (
        <div className="flex flex-col gap-y-4 px-6 py-4">
          <CopyField id="portal-business-id" label="Business ID" value={data.customer_portal.business_id} />
          <CopyField id="portal-static-link-test" label="Static login link (test mode)" value={data.static_links.test} />
          <CopyField id="portal-static-link-live" label="Static login link (live mode)" value={data.static_links.live} />
          <Text size="small" className="text-ui-fg-subtle">
            Customers open the static link, type the email they bought with, and receive a one-time sign-in link.
          </Text>
        </div>
      )}
      {data && <PortalSettingsForm key={data.customer_portal.mode + data.customer_portal.name} portal={data.customer_portal} />}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Customer portal" })

export default CustomerPortalSettingsPage
