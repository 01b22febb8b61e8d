/**
 * What a store must not start with in production: the secrets that sign
 * admin and customer JWTs and session cookies left empty, short or at the
 * value shipped in examples, and development origins in CORS. Development
 * and the test suites (NODE_ENV other than production) keep their defaults.
 */

/** The value Medusa and its examples fall back to; anyone can sign tokens with it. */
export const SHIPPED_SECRET = "supersecret"
export const MIN_SECRET_LENGTH = 32

export const isProduction = (env: NodeJS.ProcessEnv = process.env) => env.NODE_ENV === "production"

const SECRETS = ["JWT_SECRET", "COOKIE_SECRET"] as const

/** One sentence per secret that cannot be used in production; none when both are fine. */
export function secretProblems(env: NodeJS.ProcessEnv): string[] {
  const fix = `set it to a random value of at least ${MIN_SECRET_LENGTH} characters (for example the output of \`openssl rand -base64 48\`)`
  return SECRETS.flatMap((name) => {
    const value = env[name]?.trim() ?? ""
    if (!value) return [`${name} is not set: ${fix}.`]
    if (value === SHIPPED_SECRET) return [`${name} is the shipped default "${SHIPPED_SECRET}", with which anyone can sign tokens: ${fix}.`]
    if (value.length < MIN_SECRET_LENGTH) return [`${name} is only ${value.length} characters long: ${fix}.`]
    return []
  })
}

/**
 * Stops boot under NODE_ENV=production with every problem in one message, so
 * the operator fixes them at once rather than one per restart.
 */
export function assertProductionSecrets(env: NodeJS.ProcessEnv = process.env): void {
  if (!isProduction(env)) return
  const problems = secretProblems(env)
  if (problems.length) {
    throw new Error(`medusa-customer-portal: refusing to start in production.\n${problems.join("\n")}`)
  }
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"])

export function isLocalOrigin(origin: string): boolean {
  try {
    const host = new URL(origin).hostname
    return LOCAL_HOSTS.has(host) || host.endsWith(".localhost")
  } catch {
    return false
  }
}

/**
 * The CORS origins used when STORE_CORS, ADMIN_CORS or AUTH_CORS are not set:
 * the storefronts, and outside production the local admin and storefront
 * development servers. In production no localhost origin is added, so a page
 * served on the visitor's own machine cannot call the store with their cookies.
 */
export function defaultCorsOrigins(env: NodeJS.ProcessEnv = process.env): string {
  const configured = [env.PORTAL_STOREFRONT_URL, env.PORTAL_LIVE_STOREFRONT_URL].filter((url): url is string => !!url?.trim())
  const development = ["http://localhost:8000", "http://localhost:9000", "http://localhost:5173"]
  const origins = isProduction(env) ? configured.filter((origin) => !isLocalOrigin(origin)) : [...configured, ...development]
  return [...new Set(origins.map((origin) => origin.trim().replace(/\/+$/, "")))].join(",")
}
