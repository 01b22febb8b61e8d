/** A download link or button in the billing pages: a neutral button look, the same in each place. */
export const DOWNLOAD_CONTROL =
  "txt-compact-small-plus rounded-md px-3 py-2 text-ui-fg-base shadow-buttons-neutral hover:bg-ui-button-neutral-hover focus-visible:shadow-buttons-neutral-focus outline-none"
