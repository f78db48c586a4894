// A fake of the Advanced Drive service (Drive API v3 Files) under per-file drive.file access: HTML converted to a Doc that keeps its text, Docs exported as PDF, Google's error texts.

/** A Blob as Apps Script hands it over (Utilities.newBlob, files.export). */
export class FakeDriveBlob {
  constructor(private bytes: Buffer, private contentType: string | null, private name: string | null) {}
  getBytes(): number[] { return Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b)); }
  getDataAsString(): string { return this.bytes.toString('utf8'); }
  getContentType(): string | null { return this.contentType; }
  setContentType(t: string): this { this.contentType = t; return this; }
  getName(): string | null { return this.name; }
  setName(n: string): this { this.name = n; return this; }
}

/** Bytes of a blob-like value (this fake's blobs, the Word tests' blobs, strings). */
function bytesOf(blob: unknown): Buffer {
  const b = blob as { getBytes?: () => number[]; getDataAsString?: () => string };
  if (b && typeof b.getBytes === 'function') return Buffer.from(b.getBytes().map((x) => x & 255));
  if (b && typeof b.getDataAsString === 'function') return Buffer.from(b.getDataAsString(), 'utf8');
  throw new Error('Invalid argument: mediaData');
}

/** One element of a converted Doc's body, as Docs keeps it from HTML: headings, paragraphs, tables (fills/fonts keyed "row,col"). */
export interface DocChild {
  type: 'PARAGRAPH' | 'TABLE';
  text?: string;
  heading?: string;
  bold?: boolean;
  color?: string;
  cells?: string[][];
  fills?: Record<string, string>;
  fonts?: Record<string, string>;
  boldRows?: number[];
}

export interface DriveFakeFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  /** Made by this app (drive.file reaches it) or a user's own file. */
  createdByApp: boolean;
  /** Converted Docs: the body Docs made of the uploaded HTML, and that HTML. */
  body?: DocChild[];
  html?: string;
  /** Uploaded or exported bytes (the PDF). */
  bytes?: Buffer;
}

const DOC_MIME = 'application/vnd.google-apps.document';
const FOLDER_MIME = 'application/vnd.google-apps.folder';
/** Google Drive Help, "Files you can store in Google Drive": a Doc holds up to 1.02 million characters; a text file converted to it up to 50 MB. */
export const DOC_CHARACTER_LIMIT = 1_020_000;
export const CONVERT_LIMIT_BYTES = 50 * 1024 * 1024;
/** files.export: "The exported content is limited to 10MB." */
export const EXPORT_LIMIT_BYTES = 10 * 1024 * 1024;

/** What Apps Script throws for a Drive API error ("API call to drive.files.get failed with error: File not found: …"). */
export class GoogleJsonResponseException extends Error {
  constructor(method: string, public code: number, public reason: string, message: string) {
    super(`API call to drive.files.${method} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]);
const styleOf = (attrs: string, prop: string): string | undefined => new RegExp(`(?:^|;|")\\s*${prop}\\s*:\\s*([^;"]+)`, 'i').exec(attrs)?.[1]?.trim();

/**
 * What Docs keeps of an uploaded HTML page: h1–h6 as headings, p as paragraphs, tables with each
 * cell's text, background and font colour, bold header rows; <br> inside a block becomes a line
 * break; <style>, <script> and <svg> are dropped.
 */
export function docFromHtml(html: string): DocChild[] {
  const body = (/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html).replace(/<(style|script|svg|title)[\s\S]*?<\/\1>/gi, '');
  const out: DocChild[] = [];
  const inline = (s: string) => decode(s.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ''));
  const re = /<(h[1-6]|p|table)(\s[^>]*)?>([\s\S]*?)<\/\1>/gi;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const tag = m[1].toLowerCase();
    const attrs = m[2] ?? '';
    if (tag === 'table') {
      const t: DocChild = { type: 'TABLE', cells: [], fills: {}, fonts: {}, boldRows: [] };
      const rows = [...m[3].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)];
      rows.forEach((row, r) => {
        const cells = [...row[1].matchAll(/<(td|th)(\s[^>]*)?>([\s\S]*?)<\/\1>/gi)];
        t.cells!.push(cells.map((c) => inline(c[3])));
        cells.forEach((c, j) => {
          const a = c[2] ?? '';
          const fill = styleOf(a, 'background-color') ?? styleOf(a, 'background');
          const font = styleOf(a, 'color');
          if (fill) t.fills![`${r},${j}`] = fill;
          if (font) t.fonts![`${r},${j}`] = font;
        });
        if (cells.length && cells.every((c) => c[1].toLowerCase() === 'th' || /font-weight\s*:\s*bold/i.test(c[2] ?? ''))) t.boldRows!.push(r);
      });
      out.push(t);
      continue;
    }
    const p: DocChild = { type: 'PARAGRAPH', text: inline(m[3]) };
    if (tag.startsWith('h')) p.heading = `HEADING${tag[1]}`;
    if (/font-weight\s*:\s*bold/i.test(attrs)) p.bold = true;
    const color = styleOf(attrs, 'color');
    if (color) p.color = color;
    out.push(p);
  }
  return out;
}

/** A Doc's text as its PDF holds it: paragraphs and table rows one per line, cells tab-separated. */
export function docText(body: DocChild[]): string {
  return body.map((c) => c.text ?? (c.cells ?? []).map((r) => r.join('\t')).join('\n')).join('\n');
}

/** One call the next time `method` runs: throw this instead (a failure half-way, injected by a test). */
export type DriveMethod = 'create' | 'get' | 'export' | 'remove';

/**
 * The Drive of the user running the add-on. Under drive.file the API reaches only files the app
 * created and those the user opened with it or picked for it ("Choose Google Drive API scopes");
 * any other file answers 404 "File not found" (Drive "Resolve errors": notFound), the spreadsheet
 * the add-on runs in included (no Drive reference grants an editor add-on its container file).
 */
export class FakeDrive {
  files = new Map<string, DriveFakeFile>();
  /** Files the user opened with the app or picked for it: drive.file reaches them too. */
  granted = new Set<string>();
  /** My Drive's root folder id (files created without parents land there). */
  readonly root = 'root';
  private seq = 1;
  private failures = new Map<DriveMethod, { error: Error; skip: number }>();
  constructor(private scopes: () => readonly string[]) {
    this.files.set(this.root, { id: this.root, name: 'Min enhet', mimeType: FOLDER_MIME, parents: [], createdByApp: false });
  }

  /** A file of the user's (not the app's), e.g. the spreadsheet and its folder. */
  addUserFile(f: Omit<DriveFakeFile, 'createdByApp'>): DriveFakeFile {
    const rec = { ...f, createdByApp: false };
    this.files.set(f.id, rec);
    return rec;
  }
  /** The user opened `id` with the app (Drive "Open with" or the Picker): drive.file now reaches it. */
  grant(...ids: string[]): void { ids.forEach((id) => this.granted.add(id)); }
  /** The call of `method` after `skip` more calls throws `error` (then calls work again). */
  failNext(method: DriveMethod, skip = 0, error: Error = new GoogleJsonResponseException(method === 'remove' ? 'delete' : method, 500, 'internalError', 'Internal Error')): void {
    this.failures.set(method, { error, skip });
  }
  /** Files the app created that still exist. */
  created(): DriveFakeFile[] { return [...this.files.values()].filter((f) => f.createdByApp); }

  private fullRead(): boolean { return this.scopes().some((s) => /\/auth\/drive(\.readonly)?$/.test(s)); }
  private reachable(f: DriveFakeFile | undefined): f is DriveFakeFile {
    return !!f && (f.createdByApp || this.granted.has(f.id) || f.id === this.root || this.fullRead());
  }
  private lookup(method: DriveMethod, id: string): DriveFakeFile {
    const f = this.files.get(String(id));
    if (!this.reachable(f)) throw new GoogleJsonResponseException(method, 404, 'notFound', `File not found: ${id}.`);
    return f;
  }
  private failing(method: DriveMethod): void {
    const f = this.failures.get(method);
    if (!f) return;
    if (f.skip-- > 0) return;
    this.failures.delete(method);
    throw f.error;
  }
  /** The File resource with only the fields asked for (v3 default: id, name, mimeType, kind). */
  private resource(f: DriveFakeFile, fields: string | undefined): Record<string, unknown> {
    const all: Record<string, unknown> = {
      kind: 'drive#file', id: f.id, name: f.name, mimeType: f.mimeType, parents: [...f.parents],
      webViewLink: f.mimeType === DOC_MIME ? `https://docs.google.com/document/d/${f.id}/edit?usp=drivesdk` : `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`,
    };
    const want = (fields ?? 'kind,id,name,mimeType').split(',').map((s) => s.trim()).filter(Boolean);
    if (want.includes('*')) return all;
    return Object.fromEntries(want.filter((k) => k in all).map((k) => [k, all[k]]));
  }

  /** The `Drive.Files` collection the script sees (wrap it to record calls). */
  filesApi() {
    return {
      create: (resource: { name?: string; mimeType?: string; parents?: string[] }, mediaData?: unknown, opts: { fields?: string } = {}) => {
        this.failing('create');
        const parents = resource.parents?.length ? resource.parents : [this.root];
        for (const p of parents) {
          const folder = this.lookup('create', p);
          if (folder.mimeType !== FOLDER_MIME) throw new GoogleJsonResponseException('create', 400, 'badRequest', `The parent ${p} is not a folder.`);
        }
        const id = `drive-${this.seq++}`;
        const rec: DriveFakeFile = { id, name: resource.name ?? 'Untitled', mimeType: resource.mimeType ?? 'application/octet-stream', parents: [...parents], createdByApp: true };
        if (mediaData !== undefined) {
          const bytes = bytesOf(mediaData);
          const type = (mediaData as { getContentType?: () => string | null }).getContentType?.() ?? null;
          if (rec.mimeType === DOC_MIME) {
            // Import into Google Docs: Drive converts HTML (and plain text) uploads.
            if (type !== 'text/html' && type !== 'text/plain') throw new GoogleJsonResponseException('create', 400, 'badRequest', `Conversion from ${type} to ${DOC_MIME} is not supported.`);
            // The limits are Drive Help's; the error text is this fake's (Google publishes none for it).
            if (bytes.length > CONVERT_LIMIT_BYTES) throw new GoogleJsonResponseException('create', 403, 'uploadTooLarge', 'The file is too large to be converted to a Google Docs file.');
            rec.html = bytes.toString('utf8');
            rec.body = type === 'text/html' ? docFromHtml(rec.html) : rec.html.split('\n').map((t) => ({ type: 'PARAGRAPH' as const, text: t }));
            if (docText(rec.body).replace(/\n/g, '').length > DOC_CHARACTER_LIMIT) throw new GoogleJsonResponseException('create', 403, 'uploadTooLarge', 'The document is too large to be converted to a Google Docs file.');
          } else if (rec.mimeType.startsWith('application/vnd.google-apps.')) {
            throw new GoogleJsonResponseException('create', 400, 'badRequest', `Conversion to ${rec.mimeType} is not supported.`);
          } else rec.bytes = bytes;
        } else if (rec.mimeType === DOC_MIME) rec.body = [];
        this.files.set(id, rec);
        return this.resource(rec, opts.fields);
      },
      get: (fileId: string, opts: { fields?: string; alt?: string } = {}) => {
        this.failing('get');
        const f = this.lookup('get', fileId);
        if (opts.alt === 'media') {
          if (f.mimeType.startsWith('application/vnd.google-apps.')) throw new GoogleJsonResponseException('get', 403, 'fileNotDownloadable', 'Only files with binary content can be downloaded. Use Export with Docs Editors files.');
          return new FakeDriveBlob(f.bytes ?? Buffer.alloc(0), f.mimeType, f.name);
        }
        return this.resource(f, opts.fields);
      },
      export: (fileId: string, mimeType: string, opts: { alt?: string } = {}) => {
        this.failing('export');
        const f = this.lookup('export', fileId);
        // Apps Script's advanced service calls files.export without alt=media unless told (issuetracker 468534237).
        if (opts.alt !== 'media') throw new GoogleJsonResponseException('export', 403, 'fileNotDownloadable', 'Export requires alt=media to download the exported content.');
        if (f.mimeType !== DOC_MIME) throw new GoogleJsonResponseException('export', 403, 'fileNotExportable', 'Export only supports Docs Editors files.');
        if (mimeType !== 'application/pdf' && mimeType !== 'text/plain' && mimeType !== 'text/html') throw new GoogleJsonResponseException('export', 400, 'badRequest', 'The requested conversion is not supported.');
        const text = docText(f.body ?? []);
        const bytes = mimeType === 'application/pdf' ? Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`, 'utf8') : Buffer.from(mimeType === 'text/html' ? f.html ?? '' : text, 'utf8');
        if (bytes.length > EXPORT_LIMIT_BYTES) throw new GoogleJsonResponseException('export', 403, 'exportSizeLimitExceeded', 'This file is too large to be exported.');
        return new FakeDriveBlob(bytes, mimeType, f.name);
      },
      remove: (fileId: string) => {
        this.failing('remove');
        const f = this.lookup('remove', fileId);
        if (!f.createdByApp && !this.scopes().some((s) => /\/auth\/drive$/.test(s))) throw new GoogleJsonResponseException('delete', 403, 'insufficientFilePermissions', 'The user does not have sufficient permissions for this file.');
        this.files.delete(f.id);
      },
    };
  }
}

/** The text of a PDF this fake exported (what a reader of the PDF sees). */
export function pdfText(f: DriveFakeFile): string {
  return (f.bytes ?? Buffer.alloc(0)).toString('utf8').replace(/^%PDF-1\.4\n/, '').replace(/\n%%EOF\n$/, '');
}
