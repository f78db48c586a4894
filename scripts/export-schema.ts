// Writes the JSON Schema of `check --json` (from its zod schema) to docs/check-output.schema.json.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { checkJsonSchemaDocument } from '../cli/commands/check-json';

const path = join(__dirname, '..', 'docs', 'check-output.schema.json');
writeFileSync(path, `${JSON.stringify(checkJsonSchemaDocument(), null, 2)}\n`);
process.stdout.write(`Skrev ${path}\n`);
