import { Copy, Input, Label } from "@medusajs/ui"

/** A read-only value with a copy button, labelled for screen readers. */
export const CopyField = ({ id, label, value, mono = false }: { id: string; label: string; value: string; mono?: boolean }) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
    </Label>
    <div className="flex items-center gap-x-2">
      <div className="flex-1">
        <Input id={id} value={value} readOnly className={mono ? "font-mono" : undefined} />
      </div>
      <Copy content={value} aria-label={`Copy ${label}`} />
    </div>
  </div>
)

/** A value in a line of text or a table cell, with its copy button. Clicks on the button stay out of the row. */
export const CopyText = ({ value, label, children }: { value: string; label: string; children?: React.ReactNode }) => (
  <span className="inline-flex items-center gap-x-1">
    {children ?? <span className="font-mono">{value}</span>}
    <span onClick={(e) => e.stopPropagation()}>
      <Copy content={value} aria-label={`Copy ${label}`} />
    </span>
  </span>
)
