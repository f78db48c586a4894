// Escaping of sheet text for HTML/XML output (every string from a source document is untrusted).

/** Escapes & < > " ' so text can go into HTML/XML content or attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
