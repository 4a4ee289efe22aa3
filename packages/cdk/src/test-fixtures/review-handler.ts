// A second bundled handler, exported under a name other than `handler`.

/** Sends an order to manual review. */
export async function review(event: { readonly orderId: string; readonly total: number }): Promise<{ readonly approved: boolean }> {
  return { approved: event.total < 10_000 };
}
