import { Copy, Input, Label } from "@medusajs/ui"

/** A read-only value with a copy button, labelled for screen readers. */
export const CopyField = ({ id, label, value }: { id: string; label: string; value: string }) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
    </Label>
    <div className="flex items-center gap-x-2">
      <div className="flex-1">
        <Input id={id} value={value} readOnly />
      </div>
      <Copy content={value} aria-label={`Copy ${label}`} />
    </div>
  </div>
)
