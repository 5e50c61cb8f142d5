// What one client may take of the server (issue 8, items 9 and 14): a cap on
// connections per address, deadlines for a request's head and body (408),
// 414 for a URL and 431 for a head that is too large, a quick answer to a
// query with too many parameters, and a request whose length is ambiguous
// (Content-Length with Transfer-Encoding, two Content-Lengths) refused with
// 400 and the connection closed before anything after it is served.
//
// Raw sockets (node:net), because what is tested is what a well-behaved
// client never sends. The server runs with small limits and deadlines so
// the tests stay fast.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startKiem } from '../lib/kiem.mjs';
import { USERS, ALICE } from './helpers.mjs';

const PER_ADDRESS = 12;
const HEAD_S = 2;
const BODY_S = 2;
let k;
let port;
before(async () => {
  k = await startKiem({
    demo: false,
    users: USERS,
    env: {
      KIEM_MAX_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS),
      KIEM_HEADER_TIMEOUT: String(HEAD_S),
      KIEM_BODY_TIMEOUT: String(BODY_S),
    },
  });
  port = Number(new URL(k.url).port);
});
after(async () => { await k?.stop(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A connection from a local address (127.0.0.1 unless told), collecting what
// the server sends. done resolves when the server closes it (or it errs):
// {text, error, ms} with ms since it opened.
function connect(from = '127.0.0.1') {
  const s = net.connect({ host: '127.0.0.1', port, localAddress: from });
  const t0 = Date.now();
  let text = '';
  let error = null;
  s.setEncoding('latin1');
  s.on('data', (d) => { text += d; });
  const opened = new Promise((resolve, reject) => { s.once('connect', resolve); s.once('error', reject); });
  const done = new Promise((resolve) => {
    s.on('error', (e) => { error = e.code || String(e); });
    s.on('close', () => resolve({ text, error, ms: Date.now() - t0 }));
  });
  return { s, opened, done, text: () => text };
}

// Sends data on a fresh connection and waits (at most ms) for the server to
// close it: {text, error, ms, closed}.
async function exchange(data, { from, ms = 5000 } = {}) {
  const c = connect(from);
  await c.opened;
  c.s.write(data);
  const r = await Promise.race([c.done.then((x) => ({ ...x, closed: true })), sleep(ms).then(() => ({ text: c.text(), closed: false }))]);
  c.s.destroy();
  return r;
}

// The status of the first response in what a server sent, or 0.
const statusOf = (text) => Number((/^HTTP\/1\.[01] (\d{3})/.exec(text) || [])[1] || 0);
// The number of responses in it.
const responses = (text) => (text.match(/HTTP\/1\.[01] \d{3} /g) || []).length;

// A GET from a given local address, through a socket of its own: the status.
async function getFrom(from, path = '/api/v1/health') {
  const r = await exchange(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, { from });
  return statusOf(r.text);
}

describe('connections', () => {
  test('one address cannot take every connection: past its cap it is refused, others are still answered', async () => {
    const hogs = [];
    for (let i = 0; i < PER_ADDRESS * 3; i++) {
      const c = connect('127.0.0.1');
      hogs.push(c);
      await c.opened.catch(() => {});
    }
    await sleep(300);
    // the connections past the cap were closed by the server, unanswered
    const closed = [];
    await Promise.all(hogs.map((c) => Promise.race([c.done.then(() => closed.push(c)), sleep(500)])));
    assert.ok(closed.length >= PER_ADDRESS * 2 - 4, `only ${closed.length} of ${hogs.length} connections from one address were refused`);
    for (const c of closed) assert.equal(c.text(), '', 'a refused connection gets no answer');
    // another address is served meanwhile
    assert.equal(await getFrom('127.0.0.2'), 200);
    assert.equal(await getFrom('127.0.0.3'), 200);
    for (const c of hogs) c.s.destroy();
    await sleep(300);
    // and once the hog lets go, its address is served again
    assert.equal(await getFrom('127.0.0.1'), 200);
  });
});

describe('deadlines', () => {
  test('a request head trickled one byte at a time ends with 408 within the deadline; others are answered meanwhile', async () => {
    const c = connect('127.0.0.4');
    await c.opened;
    const head = 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(200) + '\r\n\r\n';
    let stop = false;
    (async () => {
      for (const ch of head) {
        if (stop || c.s.destroyed) return;
        c.s.write(ch);
        await sleep(250);
      }
    })();
    // others are answered while it trickles
    assert.equal(await getFrom('127.0.0.5'), 200);
    const r = await Promise.race([c.done, sleep((HEAD_S + 3) * 1000).then(() => null)]);
    stop = true;
    c.s.destroy();
    assert.ok(r, `the trickled head was still open after ${HEAD_S + 3} s`);
    assert.equal(statusOf(r.text), 408, r.text);
    assert.match(r.text, /\r\nConnection: close\r\n/i);
    assert.ok(r.ms < (HEAD_S + 2) * 1000, `closed after ${r.ms} ms`);
  });

  test('a body trickled one byte at a time ends with 408 within its deadline', async () => {
    const c = connect('127.0.0.6');
    await c.opened;
    c.s.write('POST /api/v1/parties HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n'
      + `Authorization: Bearer ${k.tokens[ALICE]}\r\nContent-Length: 400\r\n\r\n`);
    let stop = false;
    (async () => {
      for (let i = 0; i < 400 && !stop && !c.s.destroyed; i++) {
        c.s.write(' ');
        await sleep(250);
      }
    })();
    const r = await Promise.race([c.done, sleep((BODY_S + 3) * 1000).then(() => null)]);
    stop = true;
    c.s.destroy();
    assert.ok(r, `the trickled body was still open after ${BODY_S + 3} s`);
    assert.equal(statusOf(r.text), 408, r.text);
    assert.ok(r.ms < (BODY_S + 2) * 1000, `closed after ${r.ms} ms`);
  });

  test('a connection that is used keeps working past the deadline', async () => {
    const c = connect('127.0.0.7');
    await c.opened;
    for (let i = 0; i < 3; i++) {
      c.s.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n');
      await sleep(HEAD_S * 1000 * 0.6);
    }
    c.s.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    const r = await Promise.race([c.done, sleep(3000).then(() => ({ text: c.text() }))]);
    c.s.destroy();
    assert.equal(responses(r.text), 4, r.text);
    assert.doesNotMatch(r.text, / 408 /);
  });
});

describe('sizes', () => {
  test('a URL that is too long is 414 problem+json, from 10 KB to 70 KB', async () => {
    for (const size of [10000, 40000, 70000]) {
      const r = await exchange(`GET /api/v1/health?x=${'a'.repeat(size)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      assert.equal(statusOf(r.text), 414, `${size}: ${r.text.slice(0, 200)}`);
      assert.equal(r.error, null, `${size}: the answer came with ${r.error}`);
    }
    const r = await exchange(`GET /api/v1/health?x=${'a'.repeat(10000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.match(r.text, /Content-Type: application\/problem\+json/i);
    assert.match(r.text, /"status":414/);
  });

  test('each route table answers its own refusals: problem+json under /api (the path /api too), HTML elsewhere', async () => {
    const long = `x=${'a'.repeat(10000)}`;
    for (const [path, type] of [['/api', /application\/problem\+json/], ['/api/v1/nothing', /application\/problem\+json/],
      ['/partijen', /text\/html/], ['/apix', /text\/html/]]) {
      const r = await exchange(`GET ${path}?${long} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      assert.equal(statusOf(r.text), 414, `${path}: ${r.text.slice(0, 200)}`);
      const ctype = r.text.split('\r\n').find((l) => /^content-type:/i.test(l)) || '';
      assert.match(ctype, type, `${path}: ${ctype}`);
      assert.equal(/^API-Version:/mi.test(r.text), path.startsWith('/api/') || path === '/api', `${path}: API-Version`);
    }
  });

  test('a head that is too large is 431, also when it arrives slowly', async () => {
    const c = connect();
    await c.opened;
    const head = `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: ${'x'.repeat(300000)}\r\n\r\n`;
    for (let i = 0; i < head.length && !c.s.destroyed; i += 8192) {
      c.s.write(head.slice(i, i + 8192));
      await sleep(20);
    }
    const r = await Promise.race([c.done, sleep(5000).then(() => ({ text: c.text(), error: 'timeout' }))]);
    c.s.destroy();
    assert.equal(statusOf(r.text), 431, r.text.slice(0, 200));
    assert.equal(r.error, null, `the answer came with ${r.error}`);
  });

  test('a query with 1,000 parameters (or 5,000 empty ones) is answered at once, with 414', async () => {
    const query = Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join('&');
    // empty parameters count too: each is a record in libmicrohttpd
    for (const path of [`/api/v1/parties?${query}`, `/partijen?${query}`, `/api/v1/health?${'&'.repeat(5000)}`]) {
      const t0 = Date.now();
      const r = await exchange(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, { ms: 5000 });
      assert.ok(r.closed, `${path.slice(0, 20)}: no answer within 5 s`);
      assert.equal(statusOf(r.text), 414, r.text.slice(0, 200));
      assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
    }
    // a handful of parameters is fine
    const ok = await exchange('GET /api/v1/parties?limit=5&sort=name HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(statusOf(ok.text), 200);
  });
});

describe('a request whose length is ambiguous', () => {
  const HEALTH = 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n';
  const token = () => k.tokens[ALICE];
  const CASES = [
    ['Content-Length and Transfer-Encoding', () => 'POST /api/v1/parties HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n'
      + `Authorization: Bearer ${token()}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
    ['Transfer-Encoding and Content-Length', () => 'POST /api/v1/parties HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n'
      + `Authorization: Bearer ${token()}\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n`],
    ['two different Content-Lengths', () => 'POST /api/v1/parties HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n'
      + `Authorization: Bearer ${token()}\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`],
    ['a Transfer-Encoding that is not chunked', () => 'POST /api/v1/parties HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n'
      + `Authorization: Bearer ${token()}\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n`],
    ['a page form with both', () => 'POST /inloggen HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n'
      + 'Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ];
  for (const [what, request] of CASES) {
    test(`${what}: 400, the connection closed, and the request after it not served`, async () => {
      const r = await exchange(request() + HEALTH, { ms: 3000 });
      assert.ok(r.closed, `the connection stayed open: ${r.text.slice(0, 300)}`);
      assert.equal(statusOf(r.text), 400, r.text.slice(0, 300));
      assert.equal(responses(r.text), 1, `more than one answer: ${r.text}`);
      assert.match(r.text, /\r\nConnection: close\r\n/i);
    });
  }

  test('no party was made by any of them', async () => {
    const res = await fetch(`${k.url}/api/v1/parties?limit=100`, { headers: { Authorization: `Bearer ${k.tokens[ALICE]}` } });
    assert.deepEqual((await res.json()).items, []);
  });

  test('two equal Content-Lengths are one', async () => {
    const r = await exchange('POST /api/v1/parties HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n'
      + `Authorization: Bearer ${token()}\r\nContent-Length: 2\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    assert.equal(statusOf(r.text), 400, r.text.slice(0, 300)); // the party's fields are missing
    assert.match(r.text, /invalidParams/);
  });
});
