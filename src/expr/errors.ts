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
