// Every failure a caller can meet is a StepdiffError with a stable `code`; messages are plain text safe to display.

/** Stable error codes; never renamed once released. */
export type ErrorCode =
  | 'empty-input'
  | 'syntax-error'
  | 'too-long'
  | 'too-deep'
  | 'unsupported-syntax'
  | 'unknown-function'
  | 'wrong-arity'
  | 'function-as-symbol'
  | 'implicit-call'
  | 'non-finite-number'
  | 'number-out-of-range'
  | 'invalid-definition'
  | 'recursive-definition'
  | 'ambiguous-variable'
  | 'invalid-variable'
  | 'constant-variable'
  | 'invalid-option'
  | 'too-many-steps'
  | 'too-large'
  | 'timeout'
  | 'render-error'
  | 'invalid-expression'
  | 'division-by-zero'
  | 'undefined-value'
  | 'no-rule';

/** The one error type stepdiff throws; `position` is a 0-based index into the input when known. */
export class StepdiffError extends Error {
  readonly code: ErrorCode;
  readonly position: number | undefined;

  constructor(code: ErrorCode, message: string, position?: number) {
    super(position === undefined ? message : `${message} (at column ${position + 1})`);
    this.name = 'StepdiffError';
    this.code = code;
    this.position = position;
  }
}

/**
 * Runs `work`, turning the engine's limits of JavaScript itself into typed errors: a stack overflow
 * (input nested deeper than the stack allows, which only raised limits let through) is too-deep, a
 * string or array past V8's maximum length is too-large. Every public entry point runs inside it,
 * so no RangeError reaches a caller.
 */
export function withinStack<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    if (/call stack/i.test(error.message)) {
      throw new StepdiffError('too-deep', 'The expression nests too deeply for the JavaScript stack; keep limits.maxDepth near its default (500).');
    }
    throw new StepdiffError('too-large', `The work outgrew what JavaScript can hold (${error.message}).`);
  }
}
