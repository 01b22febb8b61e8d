/** @type {import('tailwindcss').Config} */
module.exports = {
  presets: [require("@medusajs/ui-preset")],
  // The preset ships no content globs: without the ui dist, its components render unstyled.
  content: [
    "./src/**/*.{ts,tsx}",
    "./node_modules/@medusajs/ui/dist/**/*",
  ],
  // Otherwise the portal switches to dark tokens with the visitor's system setting.
  darkMode: "class",
  theme: {
    extend: {},
  },
  plugins: [],
}
