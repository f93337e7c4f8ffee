#!/usr/bin/env python3
"""Fresh texts from the generator behind presidio-research's synth_dataset_v2.json
(presidio-evaluator's PresidioSentenceFaker and its own templates), written as JSON lines
({"text", "spans": [{"type","start","end"}]}) for held-out checks with `bedside eval`.

Runs in the Presidio virtualenv: `$PRESIDIO_VENV/bin/pip install presidio-evaluator`, then
  $PRESIDIO_VENV/bin/python bench/presidio/gen_heldout.py SEED COUNT > heldout.jsonl
"""
import json, sys, random
from presidio_evaluator.data_generator import PresidioSentenceFaker
seed, n = int(sys.argv[1]), int(sys.argv[2])
random.seed(seed)
g = PresidioSentenceFaker(locale='en_US', lower_case_ratio=0.05, random_seed=seed)
recs = g.generate_new_fake_sentences(n)
for r in recs:
    print(json.dumps({"text": r.full_text, "spans": [{"type": s.entity_type, "start": s.start_position, "end": s.end_position} for s in r.spans]}, ensure_ascii=False))
