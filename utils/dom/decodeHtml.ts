/**
 * Decodes the bytes of an HTML page by the charset it declares (BOM, <meta
 * charset>, http-equiv Content-Type, XML prolog). Many council systems still
 * serve ISO-8859-1, which browsers read as windows-1252; so does this.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

export function decodeHtml(bytes: Uint8Array): string {
  const declared = declaredCharset(bytes);
  const label = declared === 'iso-8859-1' || declared === 'latin1' ? 'windows-1252' : declared;
  if (label) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: fall through to sniffing.
    }
  }
  return decodeTextBytes(bytes);
}

/** UTF-8 when the bytes are valid UTF-8, windows-1252 otherwise. */
export function decodeTextBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
