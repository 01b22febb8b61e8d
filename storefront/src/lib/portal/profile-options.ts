/**
 * What the profile page, the email verification page and their server actions share, so it
 * holds nothing server-only. The checks give the page its own sentences before anything is sent;
 * the backend checks everything again.
 */

/** The longest first or last name the backend takes. */
export const NAME_MAX = 100

/** Characters the backend refuses in a name: control characters and angle brackets. */
const NAME_NOT_ALLOWED = /[\u0000-\u001f\u007f<>]/

/** Digits and the usual separators, with an optional leading "+". */
export const PHONE_SHAPE = /^\+?[0-9 ().-]{6,20}$/

/** The longest address the backend takes. */
export const EMAIL_MAX = 254

/** Loose on purpose: the backend has the last word on what an address is. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The token of a verification link: 32 random bytes, base64url. */
export const EMAIL_CHANGE_TOKEN = /^[A-Za-z0-9_-]{43}$/

/** How the end of a verification link's life is told: with its time zone, since it is a time of day. */
export const LINK_EXPIRY_FORMAT = {
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions

/** The details form as typed; an empty phone number removes it. */
export type ProfileInput = {
  first_name: string
  last_name: string
  phone: string
}

export type ProfileField = keyof ProfileInput

/** `too_long` and `not_allowed` are for names, `no_country_code` for the phone number. */
export type ProfileProblem = "too_long" | "not_allowed" | "no_country_code"

export type ProfileCheck =
  | { ok: true; values: ProfileInput }
  | { ok: false; field: ProfileField; problem: ProfileProblem }

/** The details as they are sent: trimmed, each field checked in the order the form shows them. */
export function checkProfile(input: ProfileInput): ProfileCheck {
  const values: ProfileInput = {
    first_name: input.first_name.trim(),
    last_name: input.last_name.trim(),
    phone: input.phone.trim(),
  }
  for (const field of ["first_name", "last_name"] as const) {
    if (values[field].length > NAME_MAX) {
      return { ok: false, field, problem: "too_long" }
    }
    if (NAME_NOT_ALLOWED.test(values[field])) {
      return { ok: false, field, problem: "not_allowed" }
    }
  }
  if (values.phone && !(PHONE_SHAPE.test(values.phone) && hasCountryCode(values.phone))) {
    return { ok: false, field: "phone", problem: "no_country_code" }
  }
  return { ok: true, values }
}

/**
 * The backend keeps numbers in international form (E.164), so a number must say its country:
 * "+" or "00", then 7 to 15 digits, with spaces, dots, dashes and brackets ignored.
 */
function hasCountryCode(phone: string): boolean {
  const compact = phone.replace(/[\s().-]/g, "").replace(/^00/, "+")
  return /^\+[1-9][0-9]{6,14}$/.test(compact)
}

export type EmailProblem = "missing" | "invalid" | "same"

export type EmailCheck = { ok: true; email: string } | { ok: false; problem: EmailProblem }

/** A new address as it is sent; `current` is the address in use, when the page knows it. */
export function checkNewEmail(input: string, current: string | null): EmailCheck {
  const email = input.trim()
  if (!email) {
    return { ok: false, problem: "missing" }
  }
  if (email.length > EMAIL_MAX || !EMAIL_SHAPE.test(email)) {
    return { ok: false, problem: "invalid" }
  }
  if (current && current.trim().toLowerCase() === email.toLowerCase()) {
    return { ok: false, problem: "same" }
  }
  return { ok: true, email }
}
