/** Typed arrays as base64 text, for extension storage (which keeps JSON only); native where the engine has it. */

/** The bytes of `text`, or undefined unless it is base64 of exactly `length` bytes. */
export function bytesOf(text: unknown, length: number): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes = fromBase64(text);
  return bytes.length === length ? bytes : undefined;
}

/** 16-bit words (little-endian) of `text`, or undefined unless it holds exactly `length` of them. */
export function words16(text: unknown, length: number): Uint16Array | undefined {
  const bytes = bytesOf(text, length * 2);
  return bytes && new Uint16Array(bytes.buffer, bytes.byteOffset, length);
}

type Base64Bytes = { toBase64?: () => string };
type Base64Ctor = { fromBase64?: (s: string) => Uint8Array };

export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Bytes).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  // In pieces: String.fromCharCode takes a limited number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Ctor).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
