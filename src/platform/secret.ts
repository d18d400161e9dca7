import { inspect } from 'node:util';

/**
 * A value that must never reach a log, an error message or a JSON response.
 * `String(secret)`, `JSON.stringify` and `console.log` all print a redaction marker.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The secret itself, for the one place that needs it. */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[secret]';
  }
  toJSON(): string {
    return '[secret]';
  }
  [inspect.custom](): string {
    return '[secret]';
  }
}
