const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const TEST_GLOBS = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s", "**/integration-tests/stripe-emulator/__tests__/**/*.unit.spec.[jt]s"],
  modules: ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  http: ["**/integration-tests/http/**/*.spec.[jt]s"],
  faults: ["**/integration-tests/faults/**/*.spec.[jt]s"],
  cluster: ["**/integration-tests/cluster/**/*.spec.[jt]s"],
  e2e: ["**/integration-tests/e2e/**/*.spec.[jt]s"],
}

const type = process.env.TEST_TYPE || "unit"
if (!TEST_GLOBS[type]) {
  throw new Error(`TEST_TYPE must be one of ${Object.keys(TEST_GLOBS).join(", ")}; got "${type}".`)
}

module.exports = {
  transform: {
    "^.+\\.[jt]s$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: { decoratorMetadata: true },
          target: "es2021",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  // The storefront is its own package (its node_modules, its build): only its src/ holds tests.
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/storefront/(?!src(?:/|$))", "<rootDir>/.demo/"],
  testMatch: TEST_GLOBS[type],
  testPathIgnorePatterns: type === "modules" ? ["\\.unit\\.spec\\.[jt]s$"] : [],
  setupFiles: ["./integration-tests/setup.js"],
  testTimeout: 60_000,
}
