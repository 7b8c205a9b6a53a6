/**
 * Raw HTTP requests for the bridge tests. node:http rather than fetch, because the tests must
 * send what a browser never would: a foreign Host, an Origin, an unnormalised path.
 */
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => unknown;
}

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  /** Send the body in pieces without Content-Length (chunked). */
  chunked?: boolean;
}

export function request(r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { host: `127.0.0.1:${r.port}`, ...r.headers };
    if (r.body !== undefined && !r.chunked) headers['content-length'] = Buffer.byteLength(r.body);
    const req = http.request({ host: '127.0.0.1', port: r.port, method: r.method ?? 'GET', path: r.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (r.body !== undefined && r.chunked) {
      const body = Buffer.from(r.body);
      const step = 1024 * 1024;
      for (let i = 0; i < body.length; i += step) req.write(body.subarray(i, i + step));
    } else if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}
