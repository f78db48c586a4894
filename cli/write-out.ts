// Writes an output file for a CLI command, creating its folder; a failure becomes a Swedish InputError.
import { mkdirSync, statSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';
import { BUILD } from '../shared/i18n/sv-report';
import { InputError } from './read-input';

/** Writes bytes, creating the folder; a failure becomes an InputError with a Swedish message. Returns the size written. */
export function writeOut(path: string, data: Uint8Array | string): number {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, data);
    return statSync(path).size;
  } catch (e) {
    throw new InputError(BUILD.cannotWrite(path, (e as Error).message));
  }
}
