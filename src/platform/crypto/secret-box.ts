import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'sb1.';

/**
 * Small secrets at rest (TOTP seeds): AES-256-GCM under a key derived with HKDF-SHA-256 from
 * the node's storage secret and a purpose label, so one purpose's key never opens another's.
 * The associated data (for example the owning row's id) binds a sealed value to its row: a
 * value copied onto another row does not open.
 */
export class SecretBox {
  readonly #key: Buffer;
  constructor(storageSecret: Uint8Array, purpose: string) {
    this.#key = Buffer.from(hkdfSync('sha256', storageSecret, Buffer.alloc(0), `passerelle ${purpose}`, 32));
  }

  /** True when the text is a value this box format wrote (used to migrate clear values). */
  static isSealed(text: string): boolean {
    return text.startsWith(PREFIX);
  }

  /** Encrypts `plain`; the result is text safe to store in a column. */
  seal(plain: string, associatedData: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${iv.toString('base64url')}.${ct.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
  }

  /** Decrypts a sealed value; throws when it was altered, moved to another row or sealed by another key. */
  open(sealed: string, associatedData: string): string {
    if (!SecretBox.isSealed(sealed)) throw new Error('not a sealed value');
    const [iv, ct, tag] = sealed.slice(PREFIX.length).split('.');
    if (!iv || ct === undefined || !tag) throw new Error('malformed sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }
}
