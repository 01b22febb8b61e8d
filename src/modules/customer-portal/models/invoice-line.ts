import { model } from "@medusajs/framework/utils"
import { wholeMinorUnits } from "../model-checks"
import Invoice from "./invoice"

/** One line of an invoice, as it was when the invoice was issued. Integer minor units. */
const InvoiceLine = model
  .define("invoice_line", {
    id: model.id({ prefix: "invl" }).primaryKey(),
    kind: model.enum(["item", "shipping"]).default("item"),
    title: model.text(),
    description: model.text().nullable(),
    product_variant_id: model.text().nullable(),
    quantity: model.number(),
    unit_price: model.bigNumber(),
    subtotal: model.bigNumber(),
    discount_total: model.bigNumber(),
    tax_total: model.bigNumber(),
    total: model.bigNumber(),
    rank: model.number().default(0),
    invoice: model.belongsTo(() => Invoice, { mappedBy: "lines" }),
  })
  .checks([
    { name: "invoice_line_quantity_positive", expression: (c) => `${c.quantity} > 0` },
    {
      name: "invoice_line_amounts_minor_units",
      expression: (c) => wholeMinorUnits(c.unit_price, c.subtotal, c.discount_total, c.tax_total, c.total),
    },
    {
      name: "invoice_line_total_adds_up",
      expression: (c) => `${c.total} = ${c.subtotal} - ${c.discount_total} + ${c.tax_total}`,
    },
  ])

export default InvoiceLine
