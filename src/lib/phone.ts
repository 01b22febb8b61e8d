/**
 * A phone number as stored: E.164 (`+` and 7 to 15 digits, no leading zero
 * in the country code). Spaces, dots, dashes and brackets are accepted on
 * the way in, as is a leading `00` for `+`; a number without its country
 * code is refused, since nothing says which country it is from.
 */
export function normalisePhone(input: string): string | null {
  const compact = input.replace(/[\s().-]/g, "").replace(/^00/, "+")
  return /^\+[1-9][0-9]{6,14}$/.test(compact) ? compact : null
}

export const PHONE_INVALID = "Enter the phone number with its country code, for example +44 20 7946 0958."
