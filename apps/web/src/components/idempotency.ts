/**
 * DESIGN §3.10: one key per submission of a creating form. A failed attempt keeps the key, so the retry
 * cannot create the record twice if the first request did reach the server; a success starts a new one.
 */
export function createIdempotencyKey() {
  let key = crypto.randomUUID();
  return {
    current: () => key,
    renew: () => {
      key = crypto.randomUUID();
    },
  };
}
