#!/usr/bin/env python3
"""Load test of the release server on the demo kota: every page of the PK cycle under wrk, each against /healthz of
the same server in the same run. Prints page | req/s | ratio | p50 | p99 | p99 at half load | SQL | KB.

Run by `make loadtest` (SQLite) and `make loadtest ENGINE=postgres`; scripts/loadtest.sh starts the server."""
import argparse
import json
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

PASSWORD = "KotaContoh2026"
PEMDA = "99.71"


def opener():
    jar = CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def sign_in(base, username):
    op, jar = opener()
    page = op.open(base + "/masuk").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"_csrf": token, "login": username, "password": PASSWORD, "next": "/"}).encode()
    op.open(base + "/masuk", data=data).read()
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    return op, cookie


def fetch(op, url):
    with op.open(url) as res:
        body = res.read()
        return body, res.headers.get("X-Kinerja-SQL"), res.status


def wrk(url, cookie, seconds, connections, threads, delay_ms=None):
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "20s", "--latency", url]
    script = None
    if cookie:
        args[1:1] = ["-H", f"Cookie: {cookie}"]
    if delay_ms is not None:
        script = f"/tmp/kinerja-wrk-delay-{delay_ms:.0f}.lua"
        with open(script, "w") as f:
            # A random pause with the same mean: a fixed one lines the connections up into bursts of 64 requests
            # at once, which is not half the load but full load half the time.
            f.write("function delay() return math.random(0, %d) end\n" % max(2, int(2 * delay_ms)))
        args[1:1] = ["-s", script]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        if not m:
            return float("nan")
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    mean = re.search(r"Latency\s+([\d.]+)(us|ms|s)", out)
    mean_ms = float(mean.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[mean.group(2)] if mean else 0.0
    return {"rate": rate, "p50": pct(50), "p99": pct(99), "mean": mean_ms,
            "non2xx": int(errors.group(1)) if errors else 0}


def discover(base, admin):
    board, _, _ = fetch(admin, f"{base}/pemda/{PEMDA}/pk?tahun=2026")
    board = board.decode()
    ids = re.findall(r'/pemda/%s/pk/([0-9A-F-]{36})' % re.escape(PEMDA), board)
    pages = {}
    # The Walikota's PK (the first published one of the Pemda level) and a Dinas's.
    portal, _, _ = fetch(admin, f"{base}/publik/pk?pemda={PEMDA}&tahun=2026")
    portal = portal.decode()
    published = re.findall(r'/verifikasi/([0-9A-F-]{36})', portal)
    walikota = published[0]
    dinas = published[1] if len(published) > 1 else ids[0]
    unit = re.search(r'/pemda/%s/renstra/([0-9A-F-]{36})' % re.escape(PEMDA),
                     fetch(admin, f"{base}/pemda/{PEMDA}/unit")[0].decode()).group(1)
    pages["home (visitor)"] = ("/", None)
    pages["beranda"] = ("/", "admin")
    pages["PK board"] = (f"/pemda/{PEMDA}/pk?tahun=2026", "admin")
    pages["PK Walikota"] = (f"/pemda/{PEMDA}/pk/{walikota}", "admin")
    pages["PK Dinas"] = (f"/pemda/{PEMDA}/pk/{dinas}", "admin")
    pages["PK print"] = (f"/pemda/{PEMDA}/pk/{walikota}/cetak", "admin")
    pages["PK PDF"] = (f"/pemda/{PEMDA}/pk/{walikota}/pdf", "admin")
    pages["inbox"] = ("/kotak-masuk", "verifikator")
    pages["audit"] = (f"/pemda/{PEMDA}/audit", "admin")
    pages["portal"] = (f"/publik/pk?pemda={PEMDA}&tahun=2026", None)
    pages["verification"] = (f"/verifikasi/{walikota}", None)
    pages["profile"] = (f"/pemda/{PEMDA}", None)
    pages["RPJMD"] = (f"/pemda/{PEMDA}/rpjmd", None)
    pages["Renstra"] = (f"/pemda/{PEMDA}/renstra/{unit}", None)
    pages["RKT"] = (f"/pemda/{PEMDA}/rkt/{unit}?tahun=2026", "admin")
    pages["Walikota view"] = (f"/pemda/{PEMDA}/kinerja?tahun=2026", "walikota")
    pages["unit view"] = (f"/pemda/{PEMDA}/kinerja/unit/{unit}?tahun=2026", "walikota")
    pages["early warning"] = (f"/pemda/{PEMDA}/kinerja/peringatan?tahun=2026", "admin")
    pages["capaian all PKs"] = (f"/api/v1/pemda/{PEMDA}/capaian?tahun=2026", "walikota")
    pages["public IKU"] = (f"/publik/kinerja/{PEMDA}?tahun=2026", None)
    pages["pohon kinerja"] = (f"/pemda/{PEMDA}/kinerja/pohon?tahun=2026", "walikota")
    pages["public pohon"] = (f"/publik/kinerja/{PEMDA}/pohon?tahun=2026", None)
    return pages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--only", default="", help="only pages whose name holds one of these comma-separated parts")
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    sessions = {name: sign_in(base, name) for name in ["admin", "verifikator", "walikota"]}
    pages = discover(base, sessions["admin"][0])
    rows = []
    print(f"{'page':<18} {'req/s':>9} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7} {'½ req/s':>8} {'p99½ ms':>8} {'SQL':>4} {'KB':>6}")
    for name, (path, user) in pages.items():
        if args.only and not any(part and part in name for part in args.only.split(",")):
            continue
        op, cookie = sessions[user] if user else (opener()[0], None)
        body, sql, status = fetch(op, base + path)
        if status != 200:
            print(f"{name}: HTTP {status}", file=sys.stderr)
        # The budget is against the plain /healthz: what a request costs before any page work, session included.
        health = wrk(base + "/healthz", None, args.seconds, args.connections, args.threads)
        page = wrk(base + path, cookie, args.seconds, args.connections, args.threads)
        # Half the measured maximum: each connection waits between requests so that the total is about half.
        # Half the measured maximum: each connection pauses between requests. The pause is found in two steps:
        # first as if answers took no time, then less the mean time an answer took at that load.
        half_rate = page["rate"] / 2
        delay = args.connections * 1000 / half_rate
        probe = wrk(base + path, cookie, max(2, args.seconds // 2), args.connections, args.threads, delay_ms=delay)
        delay = max(1.0, args.connections * 1000 / half_rate - probe["mean"])
        half = wrk(base + path, cookie, args.seconds, args.connections, args.threads, delay_ms=delay)
        row = {"page": name, "path": path, "rate": page["rate"], "healthz": health["rate"],
               "ratio": page["rate"] / health["rate"], "p50": page["p50"], "p99": page["p99"],
               "half_rate": half["rate"], "half_p99": half["p99"], "sql": int(sql or -1), "kb": len(body) / 1024,
               "non2xx": page["non2xx"]}
        rows.append(row)
        print(f"{name:<18} {row['rate']:>9.0f} {row['ratio']:>6.3f} {row['p50']:>7.2f} {row['p99']:>7.2f} "
              f"{row['half_rate']:>8.0f} {row['half_p99']:>8.2f} {row['sql']:>4} {row['kb']:>6.1f}" + (f"  non-2xx {row['non2xx']}" if row['non2xx'] else ""),
              flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
