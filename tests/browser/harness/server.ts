// A static server for browser tests and the benchmark: serves demo/ and pages registered in memory,
// on 127.0.0.1 with a random port, never cached. Nothing touches the network.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const ROOT = new URL('../../../', import.meta.url).pathname;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png' };

export interface TestServer {
  origin: string;
  /** Serves `html` at `path` (and at http://<alias-host>:<port>/path for other host names). */
  page(path: string, html: string, contentType?: string): string;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, { body: string; type: string }>();
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const stored = pages.get(path);
    if (stored) {
      response.writeHead(200, { 'content-type': stored.type, 'cache-control': 'no-store' });
      return void response.end(stored.body);
    }
    const file = normalize(join(ROOT, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(join(ROOT, 'demo'))) return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  // Browsers keep connections open; close idle ones soon so that close() does not wait for them.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html, type = 'text/html; charset=utf-8') {
      pages.set(path, { body: html, type });
      return `${origin}${path}`;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
