"""Figures for bench/publish.sh: lateness, throughput, duplicates, lost.

usage: publish_report.py PUBS_CSV SIM_STATE_JSON TARGETS INSTANCES BACKEND SPREAD_MS KILLS
PUBS_CSV rows: id,status,due_at,sent_at,remote_id (epoch ms).
"""
import collections
import json
import sys


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    pubs_csv, sim_json, targets, instances, backend, spread, kills = sys.argv[1:8]
    targets = int(targets)
    rows = [line.strip().split(",", 4) for line in open(pubs_csv) if line.strip()]
    by_status = collections.Counter(r[1] for r in rows)
    sent = [r for r in rows if r[1] == "sent"]
    lateness = [(int(r[3]) - int(r[2])) / 1000 for r in sent]
    first_due = min(int(r[2]) for r in rows)
    last_sent = max((int(r[3]) for r in sent), default=first_due)
    state = json.load(open(sim_json))
    live = [p for p in state["posts"] if p["text"].startswith("Bench post")]
    per_target = collections.Counter((p["platform"], p["account"], p["text"]) for p in live)
    duplicates = sum(n - 1 for n in per_target.values() if n > 1)
    remote_ids = {p["id"] for p in live}
    lost = sum(1 for r in rows if r[1] != "sent" or r[4] not in remote_ids)
    lost += max(0, targets - len(rows))
    creates = sum(state["create_requests"].values())
    span = max(1, last_sent - first_due) / 1000
    print()
    print(f"backend            {backend}, {instances} instance(s), kills: {kills}")
    print(f"targets            {targets} due over {int(spread) / 1000:.0f} s")
    print(f"statuses           {dict(by_status)}")
    print(f"lateness (s)       p50 {pct(lateness, 50):.3f}  p99 {pct(lateness, 99):.3f}  max {max(lateness, default=float('nan')):.3f}")
    print(f"throughput         {len(sent) / span:.0f} publications/s over {span:.1f} s (first due → last sent)")
    print(f"create requests    {creates} (posts on the platforms: {len(live)})")
    print(f"duplicates         {duplicates}")
    print(f"lost               {lost}")
    if duplicates or lost:
        sys.exit(1)


main()
