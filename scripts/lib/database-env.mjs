// Works out which PostgreSQL the scripts use: the one named by DATABASE_URL or
// DB_HOST, or else an embedded one they start themselves.

/** DB_* variables for @medusajs/test-utils from a postgres:// URL. */
export function dbEnvFromUrl(databaseUrl) {
  const url = new URL(databaseUrl)
  // test-utils forces SSL for any host other than "localhost".
  const host = ["127.0.0.1", "::1", "[::1]"].includes(url.hostname) ? "localhost" : url.hostname
  return {
    DB_HOST: host,
    DB_PORT: url.port || "5432",
    DB_USERNAME: decodeURIComponent(url.username || "postgres"),
    DB_PASSWORD: decodeURIComponent(url.password || ""),
  }
}

export function configuredDatabase(env = process.env) {
  if (env.DB_HOST) {
    return {
      DB_HOST: env.DB_HOST === "127.0.0.1" ? "localhost" : env.DB_HOST,
      DB_PORT: env.DB_PORT || "5432",
      DB_USERNAME: env.DB_USERNAME || "postgres",
      DB_PASSWORD: env.DB_PASSWORD || "",
    }
  }
  if (env.DATABASE_URL) {
    return dbEnvFromUrl(env.DATABASE_URL)
  }
  return null
}

/** postgres:// URL of database `name` on the server described by DB_* variables. */
export function databaseUrlOn(server, name) {
  const auth = server.DB_PASSWORD ? `${server.DB_USERNAME}:${encodeURIComponent(server.DB_PASSWORD)}` : server.DB_USERNAME
  return `postgres://${auth}@${server.DB_HOST}:${server.DB_PORT}/${name}`
}

async function onMaintenanceDb(server, sql) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({
    host: server.DB_HOST,
    port: Number(server.DB_PORT),
    user: server.DB_USERNAME,
    password: server.DB_PASSWORD,
    database: "postgres",
  })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Creates a scratch database (its name made by the caller from letters, digits and _). */
export const createDatabaseOn = (server, name) => onMaintenanceDb(server, `CREATE DATABASE "${name}"`)

export const dropDatabaseOn = (server, name) => onMaintenanceDb(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
