/**
 * `COPY … FROM STDIN` with plain `pg`, for the seeding floor. pg has no public COPY API (that is the
 * separate pg-copy-streams package, which the project does not depend on), but a Query is a
 * Submittable whose handleCopyInResponse hook pg calls when the server asks for data; the default
 * refuses. Overriding it to send the buffer is the same thing pg-copy-streams does, in a few lines.
 */
import pg from 'pg';

interface CopyConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const CHUNK = 64 * 1024;

class CopyFromBuffer extends pg.Query {
  readonly #data: Buffer;

  constructor(text: string, data: Buffer, callback: (error: Error | undefined) => void) {
    super(text, (error) => callback(error ?? undefined));
    this.#data = data;
  }

  handleCopyInResponse(connection: CopyConnection): void {
    for (let offset = 0; offset < this.#data.length; offset += CHUNK) {
      connection.sendCopyFromChunk(this.#data.subarray(offset, offset + CHUNK));
    }
    connection.endCopyFrom();
  }
}

/** Runs `copySql` (a COPY … FROM STDIN statement) feeding it `data`; resolves once the server has committed it. */
export function copyFrom(client: pg.ClientBase, copySql: string, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    client.query(new CopyFromBuffer(copySql, data, (error) => (error ? reject(error) : resolve())));
  });
}

/** One value in COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}
