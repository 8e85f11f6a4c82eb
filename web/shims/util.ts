/**
 * node:util as the library uses it on the browser path: only TextDecoder (decodeText, detectEncoding), which
 * the browser has with the same API and the same encodings (utf-8, utf-16le, utf-16be, windows-1252).
 */
export const TextDecoder = globalThis.TextDecoder;
export default { TextDecoder };
