import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { ApiError } from '../platform/index.js';

/** The lowest zxcvbn score accepted: 3 = "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSWORD_SCORE = 3;
/** Previous passwords of an account that cannot be set again (besides the current one). */
export const PASSWORD_HISTORY = 4;

/**
 * Password strength by estimated guesses, not by composition rules (NIST SP 800-63B §5.1.1.2):
 * the zxcvbn estimator with its common-password, names and keyboard-pattern dictionaries,
 * plus the account's own words (username, display name), so `aaaaaaaaaaaa`, `password1234`
 * or a name with digits are refused whatever their length.
 */
export class PasswordPolicy {
  #zxcvbn: ZxcvbnFactory | undefined;

  /** Throws a 400 `weak_password` naming the field when the password is too guessable. */
  async check(password: string, accountWords: string[], field: string): Promise<void> {
    this.#zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
    const words = accountWords
      .flatMap((w) => w.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      .filter((w) => w.length > 2);
    const result = await this.#zxcvbn.check(password, words);
    if (result.score >= MIN_PASSWORD_SCORE) return;
    const message = 'This password is too easy to guess: use a longer phrase of unrelated words';
    throw new ApiError(400, 'weak_password', message, {
      issues: [{ path: field, code: 'weak_password', message }],
    });
  }
}
