/** A card of the test provider from one of its numbers, made as the storefront's card form does; its id. */
export async function testCard(
  api: { post: (url: string, body: unknown, config: unknown) => Promise<any> },
  store: { headers: Record<string, string> },
  number: string,
  yearsAhead = 3
): Promise<string> {
  const res = await api.post("/store/test-cards", { number, exp_month: 12, exp_year: new Date().getUTCFullYear() + yearsAhead }, store)
  return res.data.card.id as string
}
