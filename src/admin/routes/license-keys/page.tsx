import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Key } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useEffect, useState, type FormEvent } from "react"
import { Link, useNavigate } from "react-router-dom"
import { LicenseKeyImport } from "../../components/license-key-import"
import { CopyText } from "../../lib/copy-field"
import { errorMessage } from "../../lib/errors"
import { formatDay } from "../../lib/invoices"
import { FilterSelect, ListPagination, PAGE_SIZE, useListParams } from "../../lib/list-page"
import {
  activationsLabel,
  activationsSpoken,
  expiresLabel,
  LICENSE_KEY_STATUSES,
  LICENSE_KEYS_KEY,
  LicenseKeyStatusBadge,
  licenseClient,
} from "../../lib/license-keys"
import type { AdminLicenseKeyQuery, LicenseKeyStatus } from "../../lib/types"

/** Every license key of the store, found by key or customer email; filters in the address bar. Each row opens its key. */
const LicenseKeysPage = () => {
  const navigate = useNavigate()
  const { params, page, set, offset } = useListParams()
  const q = params.get("q") ?? ""
  const status = (params.get("status") ?? "") as LicenseKeyStatus | ""
  const customer_id = params.get("customer_id") ?? ""
  const [draft, setDraft] = useState(q)
  useEffect(() => setDraft(q), [q])

  const query: AdminLicenseKeyQuery = { q, status: status || undefined, customer_id, limit: PAGE_SIZE, offset }
  const { data, isLoading, isError, error } = useQuery({
    queryKey: [...LICENSE_KEYS_KEY, query],
    queryFn: () => licenseClient.keys.list(query),
    placeholderData: keepPreviousData,
  })

  const search = (event: FormEvent) => {
    event.preventDefault()
    set({ q: draft })
  }

  const count = data?.count ?? 0
  const filtered = !!(q || status || customer_id)

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h1">License keys</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Keys issued for license-keyed product variants, newest first. Customers see theirs in the portal; software checks them with the license API.
          </Text>
        </div>
        <LicenseKeyImport />
      </div>
      <div className="flex flex-wrap items-end gap-3 px-6 py-4">
        <form onSubmit={search} className="flex items-end gap-x-2" role="search" aria-label="Find license keys">
          <div className="flex w-72 flex-col gap-y-1">
            <Label htmlFor="license-q" size="small" weight="plus">
              Key or customer email
            </Label>
            <Input
              id="license-q"
              type="search"
              value={draft}
              maxLength={200}
              onChange={(e) => setDraft(e.target.value)}
              placeholder="ACME-7K2PQ or name@example.com"
            />
          </div>
          <Button type="submit" size="small" variant="secondary">
            Search
          </Button>
        </form>
        <FilterSelect
          id="license-status"
          label="Status"
          allLabel="All statuses"
          value={status}
          options={LICENSE_KEY_STATUSES}
          onChange={(v) => set({ status: v })}
          className="w-48"
        />
        {filtered && (
          <Button
            type="button"
            size="small"
            variant="transparent"
            onClick={() => {
              setDraft("")
              set({ q: "", status: "", customer_id: "" })
            }}
          >
            Clear
          </Button>
        )}
      </div>
      {customer_id && (
        <Text size="small" className="px-6 py-2 text-ui-fg-subtle">
          Showing the keys of one customer.{" "}
          <button type="button" className="text-ui-fg-interactive" onClick={() => set({ customer_id: "" })}>
            Show every customer's
          </button>
        </Text>
      )}
      {isLoading && (
        <Text className="px-6 py-4" aria-live="polite">
          Loading license keys…
        </Text>
      )}
      {isError && (
        <Text className="px-6 py-4 text-ui-fg-error" role="alert">
          {errorMessage(error, "The license keys could not be loaded.")} Check the filters and try again.
        </Text>
      )}
      {data && data.license_keys.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {filtered
            ? "No license keys match these filters."
            : "No license keys yet. Mark a product variant as license-keyed on its page, then each unit ordered gets a key; or import keys sold elsewhere."}
        </Text>
      )}
      {data && data.license_keys.length > 0 && (
        <>
          <div className="overflow-x-auto">
            <Table aria-label="License keys">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Key</Table.HeaderCell>
                  <Table.HeaderCell>Product</Table.HeaderCell>
                  <Table.HeaderCell>Customer</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Activations</Table.HeaderCell>
                  <Table.HeaderCell>Expires</Table.HeaderCell>
                  <Table.HeaderCell>Created</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.license_keys.map((key) => (
                  <Table.Row key={key.id} className="cursor-pointer" onClick={() => navigate(`/license-keys/${key.id}`)}>
                    <Table.Cell>
                      <CopyText value={key.key} label={`license key ${key.key}`}>
                        <Link
                          to={`/license-keys/${key.id}`}
                          onClick={(e) => e.stopPropagation()}
                          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono"
                        >
                          {key.key}
                        </Link>
                      </CopyText>
                      {key.mode === "test" && <span className="text-ui-fg-muted"> · test</span>}
                    </Table.Cell>
                    <Table.Cell>{key.product_title}</Table.Cell>
                    <Table.Cell>
                      <Link
                        to={`/customers/${key.customer_id}`}
                        onClick={(e) => e.stopPropagation()}
                        className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                      >
                        {key.customer_email ?? "View customer"}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>
                      <LicenseKeyStatusBadge status={key.status} />
                    </Table.Cell>
                    <Table.Cell className="tabular-nums">
                      <span aria-label={activationsSpoken(key)}>{activationsLabel(key)}</span>
                    </Table.Cell>
                    <Table.Cell>{expiresLabel(key)}</Table.Cell>
                    <Table.Cell>{formatDay(key.created_at)}</Table.Cell>
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

export const config = defineRouteConfig({ label: "License keys", icon: Key })

export default LicenseKeysPage
