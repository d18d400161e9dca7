/** The streams and environment a command runs with; tests pass their own. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** A command's failure the user caused (bad flag, missing file): printed without a stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Writes a line to stdout. */
export function println(io: CliIo, text = ''): void {
  io.stdout.write(`${text}\n`);
}

/** Reads all of standard input as text. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
