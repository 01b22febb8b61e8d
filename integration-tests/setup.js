// Each test file boots its own Medusa app or module; MikroORM's metadata
// storage is global and must not carry entities from one file to the next.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
