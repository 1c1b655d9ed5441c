/** Turns a feed's credentials into what goes on the wire. Secrets never leave this function's result. */

export type WireAuth =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'header'; name: string; value: string }
  | { type: 'query'; param: string; value: string };

export function authorise(
  url: string,
  auth: WireAuth | null,
): { url: string; headers: Record<string, string> } {
  switch (auth?.type) {
    case 'bearer':
      return { url, headers: { authorization: `Bearer ${auth.token}` } };
    case 'basic': {
      const encoded = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
      return { url, headers: { authorization: `Basic ${encoded}` } };
    }
    case 'header':
      return { url, headers: { [auth.name.toLowerCase()]: auth.value } };
    case 'query': {
      const withToken = new URL(url);
      withToken.searchParams.set(auth.param, auth.value);
      return { url: withToken.toString(), headers: {} };
    }
    default:
      return { url, headers: {} };
  }
}
