/**
 * `t` for keys built at run time (enum codes, field paths). The typed overload would
 * instantiate the whole catalogue's key union for such a key, which the compiler gives up on
 * ("excessively deep") once the catalogue is large; a missing key falls back to
 * `defaultValue` or the key, as i18next does.
 */
export function plainT(t: unknown): (key: string, options?: { defaultValue?: string }) => string {
  return t as (key: string, options?: { defaultValue?: string }) => string;
}
