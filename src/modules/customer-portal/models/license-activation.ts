import { model } from "@medusajs/framework/utils"
import LicenseKey from "./license-key"

/** One instance (a machine, a site) on which a license key is activated. */
const LicenseActivation = model
  .define("license_activation", {
    id: model.id({ prefix: "lact" }).primaryKey(),
    instance_name: model.text(),
    last_validated_at: model.dateTime().nullable(),
    deactivated_at: model.dateTime().nullable(),
    license_key: model.belongsTo(() => LicenseKey, { mappedBy: "activations" }),
  })
  .indexes([
    {
      name: "IDX_license_activation_active_instance_unique",
      on: ["license_key_id", "instance_name"],
      unique: true,
      where: "deactivated_at IS NULL AND deleted_at IS NULL",
    },
  ])
  .checks([
    { name: "license_activation_instance_name", expression: (c) => `length(${c.instance_name}) BETWEEN 1 AND 200` },
  ])

export default LicenseActivation
