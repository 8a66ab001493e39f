"""Measures cryptoreg against nginx (the same HTML as a static file) and Datasette (the SQLite export answering the
equivalent comparison as JSON), with the same wrk settings, plus cold start, RSS, binary size, page weight, and a
synthetic scale run. Prints a Markdown report (paste into docs/PERFORMANCE.md)."""

import json, os, platform, re, resource, shutil, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "cryptoreg")
SEED = ["fsb-crypto", "fsb-stablecoins", "eu-mica", "uk-us-2025", "fatf-r15", "iosco-cda", "us-genius-act"]
QUERY = "&".join("f=" + f for f in SEED)
WRK = ["wrk", "-t2", "-c64", "-d10s", "--latency"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ok(url, timeout=20.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return time.monotonic() - start
        except Exception:
            time.sleep(0.002)
    raise RuntimeError(f"{url} did not answer 200 within {timeout}s")


def fetch(url):
    with urllib.request.urlopen(url) as r:
        return r.read()


def cpu_seconds(pid):
    """User and system CPU time a process and its children (nginx's workers) have used so far (fields 14 and 15 of
    /proc/PID/stat)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == pid or int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wrk(url, script=None, args=(), duration=None, server=None):
    """One wrk run; with `server` (a pid), also the CPU time that server and wrk spent per answer."""
    cmd = list(WRK)
    if duration:
        cmd[cmd.index("-d10s")] = f"-d{duration}"
    if script:
        cmd += ["-s", script]
    server_before, wrk_before = server and cpu_seconds(server), children_cpu_seconds()
    out = subprocess.run(cmd + [url, *(["--", *args] if args else [])], capture_output=True, text=True, check=True).stdout
    server_cpu, wrk_cpu = server and cpu_seconds(server) - server_before, children_cpu_seconds() - wrk_before
    answers = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {"rps": rps, "p50_ms": pct(50), "p99_ms": pct(99), "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": errors.group(0) if errors else "", "answers": answers,
            "server_cpu_us": server_cpu * 1e6 / answers if server else None, "wrk_cpu_us": wrk_cpu * 1e6 / answers}


def rss_kb(pid, field="VmHWM"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def start(cmd, url, **kw):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    wait_ok(url)
    return p


def stop(p):
    p.send_signal(signal.SIGINT)
    try:
        p.wait(5)
    except subprocess.TimeoutExpired:
        p.kill()


def cold_start(runs=10):
    times = []
    for _ in range(runs):
        port = free_port()
        t0 = time.monotonic()
        p = subprocess.Popen([BIN, "serve", "--addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_ok(f"http://127.0.0.1:{port}/compare?{QUERY}")
        times.append((time.monotonic() - t0) * 1000)
        stop(p)
    return statistics.median(times), min(times), max(times)


def main():
    work = tempfile.mkdtemp(prefix="cryptoreg-bench-")
    os.chmod(work, 0o755)  # nginx workers may run as another user
    report = {}
    # cryptoreg
    port = free_port()
    cr = start([BIN, "serve", "--addr", f"127.0.0.1:{port}"], f"http://127.0.0.1:{port}/")
    base = f"http://127.0.0.1:{port}"
    html = fetch(f"{base}/compare?{QUERY}")
    page = html.decode()
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
    weight = len(html) + sum(len(fetch(base + a)) for a in assets)
    report["page_weight_bytes"] = weight
    # nginx, the same bytes as a static file
    site = os.path.join(work, "site")
    os.makedirs(site)
    with open(os.path.join(site, "compare.html"), "wb") as f:
        f.write(html)
    os.chmod(site, 0o755)
    os.chmod(os.path.join(site, "compare.html"), 0o644)
    nport = free_port()
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""worker_processes 2; pid {work}/nginx.pid; error_log {work}/error.log; daemon off;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  types {{ text/html html; }}
  client_body_temp_path {work}/b; proxy_temp_path {work}/p; fastcgi_temp_path {work}/f; uwsgi_temp_path {work}/u; scgi_temp_path {work}/s;
  server {{ listen 127.0.0.1:{nport}; root {site}; }} }}""")
    ng = start(["nginx", "-c", conf], f"http://127.0.0.1:{nport}/compare.html")
    # The repeated URL against nginx serving the same bytes, in alternating rounds of 5 s: the host's speed drifts
    # within minutes, and alternating puts both servers under the same drift. The round with the median ratio is reported.
    rounds = []
    for _ in range(3):
        ours = wrk(f"{base}/compare?{QUERY}", duration="5s", server=cr.pid)
        theirs = wrk(f"http://127.0.0.1:{nport}/compare.html", duration="5s", server=ng.pid)
        rounds.append((ours["rps"] / theirs["rps"], ours, theirs))
    rounds.sort(key=lambda r: r[0])
    report["repeated_ratios"] = [r[0] for r in rounds]
    report["cryptoreg_html"], report["nginx_static"] = rounds[1][1], rounds[1][2]
    stop(ng)
    report["cryptoreg_json"] = wrk(f"{base}/compare.json?{QUERY}")
    # The real workload: every request a new comparison (bench/random-compare.lua), 30 s of HTML then 30 s of JSON,
    # then the resident memory after that minute of varied URLs.
    script = os.path.join(ROOT, "bench", "random-compare.lua")
    report["cryptoreg_miss_html"] = wrk(base, script, (), "30s", cr.pid)
    report["cryptoreg_miss_json"] = wrk(base, script, (".json",), "30s", cr.pid)
    report["cryptoreg_rss_after_varied_kb"] = rss_kb(cr.pid, "VmRSS")
    report["cryptoreg_rss_after_load_kb"] = rss_kb(cr.pid)
    stop(cr)
    # The same minute with the small-footprint settings of docs/DEPLOY.md: no transparent huge pages, freed memory
    # returned at once, no answer cache.
    port = free_port()
    small_env = dict(os.environ, MIMALLOC_ALLOW_THP="0", MIMALLOC_PURGE_DELAY="0")
    small = start([BIN, "serve", "--cache-mb", "0", "--addr", f"127.0.0.1:{port}"], f"http://127.0.0.1:{port}/",
                  env=small_env)
    report["small_miss_html"] = wrk(f"http://127.0.0.1:{port}", script, (), "30s", small.pid)
    report["small_miss_json"] = wrk(f"http://127.0.0.1:{port}", script, (".json",), "30s", small.pid)
    report["small_rss_after_varied_kb"] = rss_kb(small.pid, "VmRSS")
    stop(small)
    # Datasette on the SQLite export, the same comparison as one SQL query
    db = os.path.join(work, "cryptoreg.db")
    subprocess.run([BIN, "export", "--format", "sqlite", db], check=True, capture_output=True)
    ids = ",".join(f"'{f}'" for f in SEED)
    sql = (f"select p.framework_id, p.aspect_id, p.summary, p.level, p.status, p.reviewed, "
           f"group_concat(s.title || ', ' || c.pinpoint || ' <' || s.url || '>', '; ') as citations "
           f"from provisions p left join citations c on c.framework_id = p.framework_id and c.aspect_id = p.aspect_id and c.period = -1 "
           f"left join sources s on s.framework_id = c.framework_id and s.id = c.source_id "
           f"where p.framework_id in ({ids}) group by p.framework_id, p.aspect_id order by p.aspect_id, p.framework_id")
    dport = free_port()
    ds = start(["datasette", "serve", "--immutable", db, "-p", str(dport), "--setting", "sql_time_limit_ms", "10000"],
               f"http://127.0.0.1:{dport}/")
    ds_url = f"http://127.0.0.1:{dport}/cryptoreg.json?" + urllib.parse.urlencode({"sql": sql, "_shape": "array"})
    rows = json.loads(fetch(ds_url))
    report["datasette_rows"] = len(rows)
    report["datasette_json"] = wrk(ds_url)
    stop(ds)
    report["cold_start_ms"] = cold_start()
    report["binary_bytes"] = os.path.getsize(BIN)
    report["scale"] = scale(work)
    shutil.rmtree(work, ignore_errors=True)
    print_report(report)


def timed(cmd, runs=3):
    """Best wall time of `runs` and the peak RSS of the command itself: each run goes through a fresh Python
    parent, whose only child is the command, so RUSAGE_CHILDREN is that command's alone."""
    probe = ("import resource, subprocess, sys, time; t = time.monotonic(); "
             "r = subprocess.run(sys.argv[1:], capture_output=True); "
             "print((time.monotonic() - t) * 1000, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    best, rss = None, 0
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True).stdout.split()
        elapsed, peak, code = float(out[0]), int(out[1]), int(out[2])
        if code not in (0, 1):
            raise RuntimeError(f"{cmd} exited {code}")
        best = elapsed if best is None else min(best, elapsed)
        rss = max(rss, peak)
    return best, rss


SCALE_FRAMEWORKS, SCALE_ASPECTS = 1000, 40


def scale(work):
    out = os.path.join(work, "scale")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_dataset.py"), out, str(SCALE_FRAMEWORKS),
                    str(SCALE_ASPECTS)], check=True)
    check_ms, check_rss = timed([BIN, "check", out, "--quiet"])
    ids = [f"gen-{i:03d}" for i in range(10)]
    compare_ms, compare_rss = timed([BIN, "--data", out, "compare", *ids, "--format", "json"])
    base_ms, _ = timed([BIN, "compare", *SEED, "--format", "json"])
    # A server on the generated data: process start to the first 200 on a comparison, and its RSS then.
    starts, serve_rss = [], 0
    for _ in range(3):
        port = free_port()
        t0 = time.monotonic()
        p = subprocess.Popen([BIN, "--data", out, "serve", "--addr", f"127.0.0.1:{port}"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_ok(f"http://127.0.0.1:{port}/compare?f=gen-000&f=gen-001", timeout=60)
        starts.append((time.monotonic() - t0) * 1000)
        serve_rss = max(serve_rss, rss_kb(p.pid, "VmRSS"))
        stop(p)
    return {"frameworks": SCALE_FRAMEWORKS, "aspects": SCALE_ASPECTS, "cells": SCALE_FRAMEWORKS * SCALE_ASPECTS,
            "check_ms": check_ms, "compare10_ms": compare_ms, "check_rss_kb": check_rss, "compare_rss_kb": compare_rss,
            "shipped_compare7_ms": base_ms, "serve_start_ms": min(starts), "serve_rss_kb": serve_rss}


def print_report(r):
    def row(name, m):
        return f"| {name} | {m['rps']:.0f} | {m['p50_ms']:.2f} | {m['p99_ms']:.2f} | {m['non2xx']} |"
    cr, nx, ds = r["cryptoreg_html"], r["nginx_static"], r["datasette_json"]
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except Exception:
        pass
    print(f"Machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; load generator and servers share it.")
    print(f"Load: `{' '.join(WRK)}` against each server in turn.\n")
    print("| server | req/s | p50 ms | p99 ms | non-2xx |\n| --- | --- | --- | --- | --- |")
    print(row("cryptoreg `/compare` (HTML, 7 frameworks)", cr))
    print(row("cryptoreg `/compare.json`", r["cryptoreg_json"]))
    print(row("nginx, same HTML as a static file", nx))
    print(row(f"Datasette, same comparison as SQL → JSON ({r['datasette_rows']} rows)", ds))
    print(row("cryptoreg `/compare`, every request a new comparison (cache misses), 30 s", r["cryptoreg_miss_html"]))
    print(row("cryptoreg `/compare.json`, every request a new comparison (cache misses), 30 s", r["cryptoreg_miss_json"]))
    ratios = ", ".join(f"{x:.2f}×" for x in r["repeated_ratios"])
    print(f"\n- cryptoreg / nginx (HTML, repeated URL): **{cr['rps'] / nx['rps']:.2f}×**, the median of three alternating "
          f"rounds of 5 s ({ratios})")
    print(f"- CPU per repeated answer in that round: cryptoreg **{cr['server_cpu_us']:.1f} µs**, nginx "
          f"**{nx['server_cpu_us']:.1f} µs** (wrk {cr['wrk_cpu_us']:.1f} and {nx['wrk_cpu_us']:.1f} µs)")
    print(f"- cryptoreg JSON / Datasette JSON: **{r['cryptoreg_json']['rps'] / ds['rps']:.1f}×**")
    med, lo, hi = r["cold_start_ms"]
    print(f"- cold start (process start → first 200 on /compare), median of 10: **{med:.1f} ms** (min {lo:.1f}, max {hi:.1f})")
    for name, key in (("HTML", "cryptoreg_miss_html"), ("JSON", "cryptoreg_miss_json")):
        m = r[key]
        print(f"- cache misses, {name}: **{m['rps']:.0f} req/s**; CPU per answer: the server **{m['server_cpu_us']:.0f} µs**, "
              f"wrk {m['wrk_cpu_us']:.0f} µs (both on the same {os.cpu_count()} cores)")
    print(f"- RSS after the minute of varied URLs: **{r['cryptoreg_rss_after_varied_kb'] / 1024:.1f} MB**; "
          f"peak over all runs **{r['cryptoreg_rss_after_load_kb'] / 1024:.1f} MB**")
    print(f"- small-footprint settings (`MIMALLOC_ALLOW_THP=0 MIMALLOC_PURGE_DELAY=0 serve --cache-mb 0`), the same "
          f"minute: **{r['small_miss_html']['rps']:.0f} req/s** HTML, {r['small_miss_json']['rps']:.0f} JSON "
          f"({r['small_miss_html']['server_cpu_us']:.0f} and {r['small_miss_json']['server_cpu_us']:.0f} µs of server CPU per answer); "
          f"RSS after it **{r['small_rss_after_varied_kb'] / 1024:.1f} MB**")
    print(f"- release binary: **{r['binary_bytes'] / 1e6:.1f} MB** (dataset, templates and assets included)")
    print(f"- page weight of `/compare` with the 7 seed frameworks, HTML + CSS + JS uncompressed: **{r['page_weight_bytes'] / 1000:.1f} KB**")
    s = r["scale"]
    print(f"\nScale run: generated dataset of {s['frameworks']} frameworks × {s['aspects']} aspects ({s['cells']} cells):\n")
    print("| task | best of 3 | peak RSS |\n| --- | --- | --- |")
    print(f"| `cryptoreg check` (load + lint all files) | {s['check_ms']:.0f} ms | {s['check_rss_kb'] / 1024:.0f} MB |")
    print(f"| `cryptoreg --data … compare` 10 frameworks, JSON (load + lint + compare) | {s['compare10_ms']:.0f} ms | {s['compare_rss_kb'] / 1024:.0f} MB |")
    print(f"| `cryptoreg --data … serve`: process start to the first 200 (best of 3), RSS then | {s['serve_start_ms']:.0f} ms | {s['serve_rss_kb'] / 1024:.0f} MB |")
    print(f"| shipped data: `compare` 7 frameworks, JSON | {s['shipped_compare7_ms']:.0f} ms | |")


if __name__ == "__main__":
    main()
