// Each test file boots its own Medusa app or module; MikroORM's metadata
// storage is global and must not carry entities from one file to the next.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// The tests reach Medusa from loopback as a load balancer would, naming each
// simulated client in X-Forwarded-For; only a trusted proxy may do that.
if (process.env.PORTAL_TRUSTED_PROXIES === undefined) process.env.PORTAL_TRUSTED_PROXIES = "127.0.0.1,::1"
