import { Label, Select, Table } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"

/** Rows per page in the admin's lists. */
export const PAGE_SIZE = 20

/**
 * A list's filters and page in the address bar, so a filtered list can be
 * shared and reloaded. `set` changes some of them (an empty value removes
 * one) and goes back to the first page unless it sets the page itself.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams()
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0)
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) v.trim() ? next.set(k, v.trim()) : next.delete(k)
    if (!("page" in changes)) next.delete("page")
    setParams(next)
  }
  return { params, page, set, offset: page * PAGE_SIZE }
}

/** Previous / next under a list of `count` rows, showing `page`; `goTo` moves to another. */
export const ListPagination = ({ count, page, goTo }: { count: number; page: number; goTo: (page: number) => void }) => {
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
  return (
    <Table.Pagination
      count={count}
      pageSize={PAGE_SIZE}
      pageIndex={Math.min(page, pageCount - 1)}
      pageCount={pageCount}
      canPreviousPage={page > 0}
      canNextPage={page + 1 < pageCount}
      previousPage={() => goTo(page - 1)}
      nextPage={() => goTo(page + 1)}
    />
  )
}

/**
 * A labelled filter of a list: "all" or one of `options`. `value` is the
 * chosen option's value, "" for all; `onChange` gets the same.
 */
export const FilterSelect = ({
  id,
  label,
  allLabel,
  value,
  options,
  onChange,
  className = "w-48",
}: {
  id: string
  label: string
  allLabel: string
  value: string
  options: { value: string; label: string }[]
  onChange: (value: string) => void
  /** Width of the field ("" to fill a grid cell). */
  className?: string
}) => (
  <div className={`flex flex-col gap-y-1 ${className}`}>
    <Label id={`${id}-label`} size="small" weight="plus">
      {label}
    </Label>
    <Select value={value || "all"} onValueChange={(v) => onChange(v === "all" ? "" : v)}>
      <Select.Trigger aria-labelledby={`${id}-label`}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value="all">{allLabel}</Select.Item>
        {options.map((option) => (
          <Select.Item key={option.value} value={option.value}>
            {option.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)
