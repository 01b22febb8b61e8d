import { Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Link, useParams } from "react-router-dom"
import { CopyField } from "../../../lib/copy-field"
import { errorMessage } from "../../../lib/errors"
import { formatDay } from "../../../lib/invoices"
import {
  activationsLabel,
  activationsSpoken,
  expiresLabel,
  formatDateTime,
  LICENSE_KEYS_KEY,
  LicenseKeyStatusBadge,
  licenseClient,
  licenseKeyKey,
  STATUS_HINT,
} from "../../../lib/license-keys"
import type { LicenseKeyStatus } from "../../../lib/types"

const LINK = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover"

/** What a re-enabled key became: its subscription can keep it disabled or expired. */
const ENABLED: Record<LicenseKeyStatus, string> = {
  active: "The license key is active again.",
  disabled: "The license key is enabled, and stays disabled until its subscription is paid.",
  expired: "The license key is enabled, but it has expired with its subscription.",
  revoked: "The license key is still revoked.",
}

/** One license key: its owner, terms and every activation; revoke it, or enable a revoked one again. */
const LicenseKeyDetailPage = () => {
  const { id = "" } = useParams()
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const { data: key, isLoading, isError, error } = useQuery({ queryKey: licenseKeyKey(id), queryFn: () => licenseClient.keys.retrieve(id) })
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: licenseKeyKey(id) })
    queryClient.invalidateQueries({ queryKey: LICENSE_KEYS_KEY })
  }

  const revoke = useMutation({
    mutationFn: () => licenseClient.keys.revoke(id),
    onSuccess: () => {
      refresh()
      toast.success("The license key is revoked.")
    },
    onError: (e) => {
      refresh()
      toast.error(errorMessage(e, "The license key could not be revoked. Try again."))
    },
  })
  const enable = useMutation({
    mutationFn: () => licenseClient.keys.enable(id),
    onSuccess: ({ license_key }) => {
      refresh()
      toast.success(ENABLED[license_key.status])
    },
    onError: (e) => {
      refresh()
      toast.error(errorMessage(e, "The license key could not be enabled. Try again."))
    },
  })
  const confirmRevoke = async () => {
    const ok = await prompt({
      title: "Revoke this license key?",
      description:
        "The license API refuses it from now on: software using it stops validating, and it cannot be activated. You can enable it again later.",
      confirmText: "Revoke key",
      cancelText: "Keep it",
    })
    if (ok) revoke.mutate()
  }

  if (isLoading) return <Container><Text aria-live="polite">Loading the license key…</Text></Container>
  if (isError || !key) {
    return (
      <Container>
        <Text className="text-ui-fg-error" role="alert">
          {errorMessage(error, "The license key could not be loaded.")}
        </Text>
      </Container>
    )
  }
  const current = key.activations.filter((a) => !a.deactivated_at).length

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div>
            <div className="flex items-center gap-x-3">
              <Heading level="h1">{key.product_title}</Heading>
              <LicenseKeyStatusBadge status={key.status} />
              {key.mode === "test" && (
                <Text size="small" className="text-ui-fg-muted">
                  Test mode
                </Text>
              )}
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {STATUS_HINT[key.status]}
            </Text>
          </div>
          <div className="flex flex-wrap gap-2">
            {key.status === "revoked" ? (
              <Button size="small" onClick={() => enable.mutate()} isLoading={enable.isPending}>
                Enable key
              </Button>
            ) : (
              <Button size="small" variant="danger" onClick={confirmRevoke} isLoading={revoke.isPending}>
                Revoke key
              </Button>
            )}
          </div>
        </div>
        <div className="px-6 py-4">
          <CopyField id="license-key-value" label="License key" value={key.key} mono />
        </div>
        <dl className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3">
          {[
            ["Customer", <Link key="c" to={`/customers/${key.customer_id}`} className={LINK}>{key.customer_email ?? "View customer"}</Link>],
            ["Order", key.order_id ? <Link key="o" to={`/orders/${key.order_id}`} className={LINK}>View order</Link> : "—"],
            ["Subscription", key.subscription_id ? <Link key="s" to={`/subscriptions/${key.subscription_id}`} className={LINK}>View subscription</Link> : "—"],
            ["Activation limit", key.activation_limit === null ? "Unlimited" : String(key.activation_limit)],
            ["Activations in use", <span key="a" aria-label={activationsSpoken(key)}>{activationsLabel(key)}</span>],
            ["Expires", key.expires_at ? `${new Date(key.expires_at) < new Date() ? "Expired " : ""}${formatDay(key.expires_at)}` : expiresLabel(key)],
            ["Issued", formatDay(key.created_at)],
            ...(key.revoked_at ? [["Revoked", formatDateTime(key.revoked_at)]] : []),
            ...(key.disabled_at ? [["Disabled", formatDateTime(key.disabled_at)]] : []),
          ].map(([label, value]) => (
            <div key={String(label)}>
              <dt className="txt-compact-small text-ui-fg-subtle">{label}</dt>
              <dd className="txt-compact-small-plus">{value}</dd>
            </div>
          ))}
        </dl>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Activations</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Installations that activated this key, newest first. {current} in use
            {key.activation_limit === null ? "" : ` of ${key.activation_limit} allowed`}; deactivated ones free their place.
          </Text>
        </div>
        {key.activations.length === 0 ? (
          <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
            Not activated yet.
          </Text>
        ) : (
          <div className="overflow-x-auto">
            <Table aria-label="Activations of this license key">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Activated</Table.HeaderCell>
                  <Table.HeaderCell>Last validated</Table.HeaderCell>
                  <Table.HeaderCell>Deactivated</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {key.activations.map((activation) => (
                  <Table.Row key={activation.id} className={activation.deactivated_at ? "text-ui-fg-muted" : undefined}>
                    <Table.Cell className="font-medium">{activation.name || "Unnamed"}</Table.Cell>
                    <Table.Cell>{formatDateTime(activation.activated_at)}</Table.Cell>
                    <Table.Cell>{activation.last_validated_at ? formatDateTime(activation.last_validated_at) : "Never"}</Table.Cell>
                    <Table.Cell>{activation.deactivated_at ? formatDateTime(activation.deactivated_at) : "—"}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </Container>
    </div>
  )
}

export default LicenseKeyDetailPage
