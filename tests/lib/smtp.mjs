// A tiny SMTP server for the tests: it takes every message and keeps it,
// or answers a temporary failure (451) for the next N messages when told to.
// It offers no STARTTLS and no login, as a local relay would.
import net from 'node:net';

export async function startSmtp() {
  const messages = [];
  let failures = 0;
  const waiting = [];
  const server = net.createServer((sock) => {
    sock.setEncoding('latin1'); // bytes as they are; the tests decode
    let buf = '';
    let inData = false;
    let env = { from: null, to: [] };
    let failThis = false;
    let helo = null;
    const say = (line) => sock.write(`${line}\r\n`);
    say('220 fake.smtp.test ESMTP ready');
    sock.on('data', (d) => {
      buf += d;
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = buf.slice(0, end + 2).replace(/^\.\./gm, '.');
          buf = buf.slice(end + 5);
          inData = false;
          messages.push({ helo, from: env.from, to: env.to, data: Buffer.from(data, 'latin1').toString('utf8') });
          env = { from: null, to: [] };
          say('250 2.0.0 queued');
          while (waiting.length && waiting[0].n <= messages.length) waiting.shift().resolve();
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') helo = line.slice(5).trim();
        if (cmd === 'EHLO') { say('250-fake.smtp.test'); say('250-8BITMIME'); say('250 SIZE 10000000'); }
        else if (cmd === 'HELO') say('250 fake.smtp.test');
        else if (cmd === 'MAIL') {
          failThis = failures > 0;
          if (failThis) { failures--; say('451 4.3.0 try again later'); continue; }
          env.from = /<(.*)>/.exec(line)?.[1] ?? null;
          say('250 2.1.0 ok');
        } else if (cmd === 'RCPT') { env.to.push(/<(.*)>/.exec(line)?.[1]); say('250 2.1.5 ok'); }
        else if (cmd === 'DATA') { inData = true; say('354 end with .'); }
        else if (cmd === 'RSET') { env = { from: null, to: [] }; say('250 ok'); }
        else if (cmd === 'NOOP') say('250 ok');
        else if (cmd === 'QUIT') { say('221 bye'); sock.end(); return; }
        else say('502 5.5.2 not implemented');
      }
    });
    sock.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    // The next n messages get "451 try again later".
    failNext(n) { failures = n; },
    // Resolves once n messages have arrived in all (rejects after ms).
    waitFor(n, ms = 15000) {
      if (messages.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${messages.length} of ${n} mail(s) arrived`)), ms);
        waiting.push({ n, resolve: () => { clearTimeout(timer); resolve(); } });
        waiting.sort((a, b) => a.n - b.n);
      });
    },
    stop() { return new Promise((resolve) => server.close(() => resolve())); },
  };
}

// A message as {headers: {lowercase name: value (unfolded)}, body (decoded)}.
export function parseMail(data) {
  const split = data.indexOf('\r\n\r\n');
  const head = data.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = {};
  for (const line of head.split('\r\n')) {
    const c = line.indexOf(':');
    headers[line.slice(0, c).toLowerCase()] = line.slice(c + 1).trim();
  }
  let body = data.slice(split + 4);
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] || '')) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return { headers, body: body.replace(/\r\n/g, '\n') };
}

// Decodes RFC 2047 encoded-words ("=?UTF-8?B?...?=") in a header value.
export function decodeWords(s) {
  return s.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, b) => Buffer.from(b, 'base64').toString('utf8')).trim();
}
