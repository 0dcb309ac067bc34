# search-one.py PORT [extra query string]: one client, every query of /tmp/q.txt through GET /api/v1/enterprises?q=, 3 passes; p50/p95/max per pass
# (README → Performance, firm search); queries from search-queries.py in /tmp/q.txt, admin token in /tmp/token
import sys, time, urllib.request, urllib.parse, json
port = sys.argv[1]; extra = sys.argv[2] if len(sys.argv) > 2 else ''
tok = open('/tmp/token').read().strip()
qs = [l.strip() for l in open('/tmp/q.txt') if l.strip()]
for p in range(3):
    ts = []; inexact = 0
    for q in qs:
        url = f'http://localhost:{port}/api/v1/enterprises?q={urllib.parse.quote(q)}&size=20{extra}'
        t0 = time.perf_counter()
        body = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={'Authorization': 'Bearer ' + tok})))
        ts.append((time.perf_counter() - t0) * 1000)
        inexact += 0 if body.get('totalExact', True) else 1
    ts.sort(); n = len(ts)
    print(f'pass {p}: n {n} p50 {ts[n//2]:.1f} ms p95 {ts[int(n*0.95)]:.1f} p99 {ts[int(n*0.99)]:.1f} max {ts[-1]:.1f} (capped totals {inexact})')
