/** A mistake in how wirefeed was called: printed as one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
