// A proxy in front of the team server that holds some answers back, as a far
// or busy server does: the e2e sees what an agent sees while a first sync is
// still on its way. Every request is passed on as it came; the answers to the
// ones `when(url)` picks leave `delayMs` late.
import { createServer, request } from 'node:http';

export function startSlowProxy(target, { delayMs, when }) {
  const to = new URL(target);
  const proxy = createServer((req, res) => {
    const upstream = request({ hostname: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } }, (answer) => {
      const send = () => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      };
      if (when(req.url ?? '')) setTimeout(send, delayMs);
      else send();
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((ok) =>
    proxy.listen(0, '127.0.0.1', () => {
      const { port } = proxy.address();
      ok({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => proxy.close(() => done())) });
    }),
  );
}
