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
