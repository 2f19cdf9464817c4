"""Everything that touches the network, on one guarded transport (nothing else connects).

urls.py       an article's external URLs and where they are (from the model)
guard.py      the address guard (no loopback, private or link-local peers)
transport.py  the one HTTP transport: guarded connections and sessions
deadline.py   a check's total time budget (the watchdog);  responses.py: retries, bodies
probe.py      one URL: HEAD/GET, redirects, outcome
scheduler.py  per-host politeness;  checker.py: check_links over many URLs
cache.py      results and their history in SQLite;  archives.py: archive copies
results.py    LinkResult, Outcome (imported by the rules: no network module)
wiki.py       pages from a wiki's Action API (``lint --wiki``)
"""
