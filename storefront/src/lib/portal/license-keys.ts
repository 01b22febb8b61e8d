import "server-only"

import { portalFetch } from "./client"
import type {
  PortalDeactivateLicenseResponse,
  PortalLicenseKeyResponse,
  PortalLicenseKeysResponse,
  PortalRevealLicenseKeyResponse,
} from "./types"

/**
 * `GET /store/portal/license-keys`: the customer's keys, newest first and masked; `limit` is 1
 * to 100. 401 once the session has ended.
 */
export async function listLicenseKeys(
  sessionToken: string,
  { limit = 20, offset = 0 }: { limit?: number; offset?: number } = {}
): Promise<PortalLicenseKeysResponse> {
  return portalFetch<PortalLicenseKeysResponse>("/store/portal/license-keys", {
    token: sessionToken,
    query: { limit, offset },
  })
}

/**
 * `GET /store/portal/license-keys/:id` with the devices the key is active on; 404 for a key
 * that is not the customer's, 401 once the session has ended.
 */
export async function getLicenseKey(sessionToken: string, licenseKeyId: string): Promise<PortalLicenseKeyResponse> {
  return portalFetch<PortalLicenseKeyResponse>(
    `/store/portal/license-keys/${encodeURIComponent(licenseKeyId)}`,
    { token: sessionToken }
  )
}

/**
 * `POST /store/portal/license-keys/:id/reveal`: the whole key. Called only when the customer asks
 * to see or copy it; the answer is never logged or kept.
 */
export async function revealLicenseKey(
  sessionToken: string,
  licenseKeyId: string
): Promise<PortalRevealLicenseKeyResponse> {
  return portalFetch<PortalRevealLicenseKeyResponse>(
    `/store/portal/license-keys/${encodeURIComponent(licenseKeyId)}/reveal`,
    { method: "POST", token: sessionToken }
  )
}

/**
 * `DELETE /store/portal/license-keys/:id/activations/:activation_id`: frees one activation. 400
 * when the store does not allow it, 404 for an activation the key no longer has.
 */
export async function deactivateLicenseActivation(
  sessionToken: string,
  licenseKeyId: string,
  activationId: string
): Promise<PortalDeactivateLicenseResponse> {
  return portalFetch<PortalDeactivateLicenseResponse>(
    `/store/portal/license-keys/${encodeURIComponent(licenseKeyId)}/activations/${encodeURIComponent(activationId)}`,
    { method: "DELETE", token: sessionToken }
  )
}
