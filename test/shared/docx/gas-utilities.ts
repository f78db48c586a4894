// Utilities.base64Decode / newBlob / unzip for the Apps Script fakes (Java's signed bytes, a synchronous unzip), recorded like the other fake services.
import { inflateRawSync } from 'zlib';
import type { GasEnv } from '../../support/gas-fakes';

/** A Blob as Apps Script hands it over: a name, signed bytes, text in a charset. */
export class FakeBlob {
  constructor(
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}
  getBytes(): number[] {
    return Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b));
  }
  getName(): string | null {
    return this.name;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  getDataAsString(charset = 'UTF-8'): string {
    return this.bytes.toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1');
  }
}

/** The entries of a zip, read from its central directory (as Utilities.unzip does); throws on anything that is not a zip. */
export function unzipSync(zip: Buffer): { name: string; data: Buffer }[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('Invalid argument: blob (not a zip file)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('Invalid argument: blob (bad central directory)');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    if (flags & 1) throw new Error('Invalid argument: blob (encrypted zip)');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    if (!name.endsWith('/')) out.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Adds base64Decode, newBlob and unzip to the env's Utilities (before loadBundle), each call recorded as "Utilities.<name>". */
export function withWordUtilities(env: GasEnv): GasEnv {
  const base = env.globals.Utilities as Record<string, unknown>;
  const rec = <A extends unknown[], R>(name: string, f: (...a: A) => R) => (...a: A): R => {
    env.log.calls.push(`Utilities.${name}`);
    return f(...a);
  };
  const toBuffer = (data: unknown): Buffer => (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from((data as number[]).map((b) => b & 255)));
  env.globals.Utilities = new Proxy(base, {
    get(t, p, r) {
      if (p === 'base64Decode') {
        return rec('base64Decode', (s: string) => {
          if (typeof s !== 'string' || /[^A-Za-z0-9+/=\s]/.test(s)) throw new Error('Could not decode string.');
          return Array.from(Buffer.from(s, 'base64'), (b) => (b > 127 ? b - 256 : b));
        });
      }
      if (p === 'newBlob') return rec('newBlob', (data: unknown, type?: string, name?: string) => new FakeBlob(toBuffer(data), type ?? null, name ?? null));
      if (p === 'unzip') return rec('unzip', (blob: FakeBlob) => unzipSync(toBuffer(blob.getBytes())).map((e) => new FakeBlob(e.data, null, e.name)));
      return Reflect.get(t, p, r);
    },
  });
  return env;
}
