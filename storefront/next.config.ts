import type { NextConfig } from "next"
import createNextIntlPlugin from "next-intl/plugin"
import { staticHeaderRules } from "./src/lib/security-headers"

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts")

// The storefront is its own package inside the plugin's repository: without an explicit
// root, Next picks the repository's lockfile and treats the parent folder as the workspace.
const root = __dirname

const nextConfig: NextConfig = {
  poweredByHeader: false,
  turbopack: { root },
  outputFileTracingRoot: root,
  async headers() {
    return [
      // Every response, the ones the proxy never sees included; the proxy's headers replace these on pages.
      ...staticHeaderRules(),
      {
        // The pages one-time links open (`#t=<token>`, read in the browser), and the earlier
        // form with the token in the path, which sends the browser on: never in a Referer, a
        // cache or a search index.
        source: "/:locale/portal/:page(access|verify-email)/:token*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ]
  },
}

export default withNextIntl(nextConfig)
