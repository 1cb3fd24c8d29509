/**
 * A mistake in what the user gave us (a file, a flag, a field). The CLI prints `message` on one
 * line and exits with code 2, with no stack trace. `where` names the file, line or field.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'UserError';
  }
}

/** Throws a UserError unless `cond` holds. */
export function expect(cond: unknown, message: string, where?: string): asserts cond {
  if (!cond) throw new UserError(message, where);
}
