import { Buffer } from './buffer.js';
import { stub } from './unavailable.js';

type Listener = (value?: unknown) => void;

/**
 * node:zlib's createInflateRaw as the workbook importer's inflation check uses it (on 'data' / 'end' / 'error',
 * end(bytes), destroy()), on the browser's own DecompressionStream('deflate-raw'): the check that a workbook
 * does not expand past the import limits runs in the page as it does in Node, chunk by chunk, keeping nothing.
 */
class InflateRaw {
  private readonly listeners = new Map<string, Listener[]>();
  private destroyed = false;
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  private emit(event: string, value?: unknown): void {
    if (this.destroyed && event !== 'close') return;
    for (const l of this.listeners.get(event) ?? []) l(value);
  }

  end(data: Uint8Array): void {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    this.reader = reader;
    const pump = async (): Promise<void> => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (this.destroyed) return;
          if (done) return this.emit('end');
          this.emit('data', Buffer.from(value.buffer, value.byteOffset, value.byteLength));
        }
      } catch (error) {
        this.emit('error', error);
      }
    };
    void pump();
  }

  destroy(): void {
    this.destroyed = true;
    void this.reader?.cancel().catch(() => undefined);
  }
}

export const createInflateRaw = () => new InflateRaw();
export const inflateRawSync = stub('zlib.inflateRawSync');
export default { createInflateRaw, inflateRawSync };
