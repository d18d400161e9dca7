import { ApiError } from '../platform/index.js';

/**
 * A refusal of a node-to-node request (inbox, card statements), already audited when it is
 * thrown. `reason` is the protocol's finer reason (PROTOCOL §7.3), sent beside the code, and
 * `fields` the header members that differ for a `headerMismatch`.
 */
export class FederationRefusal extends ApiError {
  override name = 'FederationRefusal';
  constructor(
    status: number,
    code: string,
    message: string,
    readonly reason?: string,
    readonly fields?: string[],
  ) {
    super(status, code, message);
  }

  /** The wire form of the refusal: `{ error: { code, message, reason?, fields? } }`. */
  toBody(): { error: { code: string; message: string; reason?: string; fields?: string[] } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.reason ? { reason: this.reason } : {}),
        ...(this.fields ? { fields: this.fields } : {}),
      },
    };
  }
}
