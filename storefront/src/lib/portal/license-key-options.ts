/**
 * What the license key pages and their server actions share, so it holds nothing server-only.
 */

/** The backend's largest page is 100; the list shows its default. */
export const LICENSE_KEYS_PAGE_SIZE = 20

/** Loose on purpose: enough to keep slashes, dots and query text out of the backend's path. */
export const LICENSE_KEY_ID = /^[A-Za-z0-9_-]{1,64}$/

export const ACTIVATION_ID = /^[A-Za-z0-9_-]{1,64}$/
