/** A sentence for a failed admin request: the server's message when it sent one. */
export function errorMessage(error: unknown, fallback: string): string {
  const message = (error as { message?: unknown })?.message
  return typeof message === "string" && message.trim() ? message : fallback
}
