import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { fileSecret } from './work_folder';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts data-source secrets at rest with AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>` in base64.
 * The 32-byte key is CA_SECRET_KEY (64 hex digits, or any passphrase, hashed with SHA-256) or
 * a key file generated in the work folder with 0600 permissions.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static async open(workFolder: string, env: NodeJS.ProcessEnv = process.env): Promise<SecretBox> {
    const configured = env.CA_SECRET_KEY?.trim();
    if (configured) return new SecretBox(keyFrom(configured));
    const file = await fileSecret(workFolder, 'secret.key');
    return new SecretBox(keyFrom(file.value));
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64'));
    return `v1:${parts.join(':')}`;
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || data === undefined) {
      throw new Error('a stored secret is not in the v1 format');
    }
    const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64').subarray(0, TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new Error(
        'a stored secret cannot be decrypted: CA_SECRET_KEY (or the key file) changed since it was saved; save the connection again',
      );
    }
  }
}

function keyFrom(text: string): Buffer {
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  return createHash('sha256').update(text, 'utf8').digest();
}
