#!/usr/bin/env python3
"""Regenerates QUALITY.md: sourcelight's detection quality, measured.

Runs `sourcelight analyze --jsonl` on the PolNeAR dev articles (with the
learned layer, with the rules alone, and over a range of confidence
thresholds), on news-hedge-dev and on the seed article, scores them with
../shared/eval/score.py, and sorts the remaining errors into classes.
Needs ../shared (or SOURCELIGHT_SHARED).

    python3 scripts/quality.py            # rewrites QUALITY.md
    python3 scripts/quality.py --check    # prints, writes nothing
"""
import collections
import datetime
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SOURCELIGHT_SHARED", os.path.join(ROOT, "..", "shared"))
SCORE = os.path.join(SHARED, "eval", "score.py")
DEV = os.path.join(SHARED, "eval", "polnear-dev.jsonl")
HEDGE = os.path.join(SHARED, "eval", "news-hedge-dev.jsonl")
MODEL = os.path.join(ROOT, "model", "sourcelight.model")
CURVE = [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9]
SEED = os.path.join(SHARED, "corpus", "seed-article.gold.jsonl")
BIN = os.path.join(ROOT, "target", "release", "sourcelight")


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def predict(gold_path, out_path, *options):
    """Feeds the gold texts (without annotation) to the command line."""
    with open(gold_path, encoding="utf-8") as g, tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as inp:
        for line in g:
            if line.strip():
                d = json.loads(line)
                inp.write(json.dumps({"id": d["id"], "text": d["text"]}) + "\n")
    with open(out_path, "w", encoding="utf-8") as out:
        subprocess.run([BIN, "analyze", "--jsonl", *options, inp.name], check=True, stdout=out)
    os.unlink(inp.name)


def relations(doc):
    rel = {}
    for s in doc["spans"]:
        if s["label"] not in ("source", "cue", "content"):
            continue
        for rid in s.get("relations") or [s.get("relation")]:
            rel.setdefault(rid, {"source": [], "cue": [], "content": []})[s["label"]].append((s["start"], s["end"]))
    return [r for r in rel.values() if r["cue"]]


def overlaps(a, b):
    return any(min(e1, e2) > max(s1, s2) for s1, e1 in a for s2, e2 in b)


def verb_forms():
    forms = set()
    with open(os.path.join(ROOT, "lexicon", "reporting_verbs.txt"), encoding="utf-8") as f:
        for line in f:
            cols = line.split("#")[0].split()
            if len(cols) >= 5:
                forms.update(c.lower() for c in cols[:5])
    return forms


def in_quotation(text, pos):
    """True when an odd number of double quotation marks open before pos in its paragraph."""
    start = text.rfind("\n", 0, pos) + 1
    seg = text[start:pos]
    opens = len(re.findall(r"[“«„]|(?<!\w)\"|''", seg))
    closes = len(re.findall(r"[”»]|\"(?!\w)", seg))
    return opens > closes


def error_classes(gold_path, pred_path):
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    pred = {}
    for l in open(pred_path, encoding="utf-8"):
        d = json.loads(l)
        pred[d["id"]] = [f for f in d.get("findings", []) if f["kind"] == "attribution"]
    forms = verb_forms()
    missed, false = collections.Counter(), collections.Counter()
    missed_cues, false_cues = collections.Counter(), collections.Counter()
    by_rule = collections.defaultdict(lambda: [0, 0])
    for doc in gold:
        text, rels = doc["text"], relations(doc)
        preds = pred.get(doc["id"], [])

        def span(p):
            return [(p["start"], p["end"])] if p else None

        def matches(f, r):
            if not overlaps(span(f["cue"]), r["cue"]):
                return False
            ps = span(f.get("source"))
            return (bool(r["source"]) and ps is not None and overlaps(ps, r["source"])) or (not r["source"] and ps is None)

        for f in preds:
            ok = any(matches(f, r) for r in rels)
            rule = f.get("rule", "?") + ("" if f.get("source") else " (no source)")
            by_rule[rule][0] += 1
            by_rule[rule][1] += ok
            if ok:
                continue
            cue_hit = [r for r in rels if overlaps(span(f["cue"]), r["cue"])]
            if cue_hit:
                false["right cue, another source in the annotation"] += 1
            elif in_quotation(text, f["cue"]["start"]):
                false["inside a quotation: an attribution the annotation leaves out there"] += 1
            else:
                false["no attribution annotated here"] += 1
            false_cues[f["cue"]["text"].lower().split()[-1]] += 1
        for r in rels:
            if any(matches(f, r) for f in preds):
                continue
            cue = " ".join(text[s:e] for s, e in r["cue"]).lower()
            words = cue.split()
            if any(overlaps(span(f["cue"]), r["cue"]) for f in preds):
                missed["cue found, source missed or different"] += 1
            elif not r["source"]:
                missed["no source in the annotation (\"seems\", \"is expected\", \"asked\")"] += 1
            elif cue in (":", "in", "for", "to", "of", "about") or not words:
                missed["a preposition or colon as cue (\"in his view\", \"for him\")"] += 1
            elif len(words) > 1 and not any(w in forms for w in words):
                missed["a phrase as cue, no reporting verb in it (\"questions about\", \"a staunch opponent of\")"] += 1
            elif not any(w in forms for w in words):
                missed["a word not in the verb list (\"view\", \"support\", \"wants\")"] += 1
            else:
                missed["a listed verb in a frame the rules do not read (coordination, passives, nested clauses)"] += 1
            missed_cues[cue] += 1
    return missed, false, missed_cues, false_cues, by_rule


def table(counter, total_label):
    total = sum(counter.values())
    lines = ["| class | count | share |", "|---|---:|---:|"]
    for k, n in counter.most_common():
        lines.append(f"| {k} | {n} | {100 * n / total:.0f}% |")
    lines.append(f"| {total_label} | {total} | |")
    return "\n".join(lines)


def threshold():
    """The default threshold, as src/learn/mod.rs sets it."""
    with open(os.path.join(ROOT, "src", "learn", "mod.rs"), encoding="utf-8") as f:
        return float(re.search(r"pub const THRESHOLD: f32 = ([0-9.]+);", f.read()).group(1))


def model_size():
    with open(MODEL, "rb") as f:
        raw = f.read()
    return len(raw), len(gzip.compress(raw, 9))


def main():
    if not os.path.exists(SCORE):
        sys.exit(f"quality.py: {SCORE} is absent; set SOURCELIGHT_SHARED")
    subprocess.run(["cargo", "build", "--release", "--quiet"], check=True, cwd=ROOT)
    tmp = tempfile.mkdtemp()
    path = lambda name: os.path.join(tmp, name)
    score = lambda gold, pred: run([sys.executable, SCORE, gold, pred]).rstrip()
    predict(DEV, path("dev.jsonl"))
    predict(DEV, path("rules.jsonl"), "--rules-only")
    predict(SEED, path("seed.jsonl"))
    predict(HEDGE, path("hedge.jsonl"))
    predict(HEDGE, path("hedge-rules.jsonl"), "--rules-only")
    dev_scores = score(DEV, path("dev.jsonl"))
    rules_scores = score(DEV, path("rules.jsonl"))
    seed_scores = score(SEED, path("seed.jsonl"))
    hedge_line = lambda p: next(l for l in score(HEDGE, p).splitlines() if l.startswith("hedge"))
    chosen = threshold()
    curve = ["| min confidence | relation P | relation R | relation F1 | findings |", "|---:|---:|---:|---:|---:|"]
    for t in sorted(set(CURVE) | {chosen}):
        predict(DEV, path("curve.jsonl"), "--min-confidence", str(t))
        figures = json.loads(run([sys.executable, SCORE, DEV, path("curve.jsonl"), "--json"]))["relation"]
        mark = " (default)" if abs(t - chosen) < 1e-6 else ""
        curve.append(f"| {t}{mark} | {figures['p']:.3f} | {figures['r']:.3f} | {figures['f1']:.3f} | {figures['pred']} |")
    missed, false, missed_cues, false_cues, by_rule = error_classes(DEV, path("dev.jsonl"))
    *_, by_rule_alone = error_classes(DEV, path("rules.jsonl"))
    rules = ["| rule | findings | precision | rules alone: findings | precision |", "|---|---:|---:|---:|---:|"]
    for rule, (n, ok) in sorted(by_rule.items(), key=lambda kv: -kv[1][0]):
        m, ok_alone = by_rule_alone.get(rule, (0, 0))
        alone = f"{m} | {ok_alone / m:.3f}" if m else "- | -"
        rules.append(f"| {rule} | {n} | {ok / n:.3f} | {alone} |")
    raw, gz = model_size()
    version = run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).strip()
    doc = f"""# Detection quality

Generated by `python3 scripts/quality.py` on {datetime.date.today().isoformat()} at commit {version}; do not edit by hand.
Scores are `../shared/eval/score.py` (relation: cue and source both right, overlap-matched;
see its docstring). Precision comes first: a wrong highlight costs more trust than a missed one.

## PolNeAR dev (294 articles)

`sourcelight analyze --jsonl` on the articles' texts, then `score.py polnear-dev.jsonl PRED`.
With the learned layer (the default: rules and tagger propose, the scorer keeps what
reaches a confidence of {chosen}):

```
{dev_scores}
```

The rules alone (`--rules-only`):

```
{rules_scores}
```

## Precision and recall over the confidence threshold (PolNeAR dev)

`sourcelight analyze --jsonl --min-confidence X`; the threshold applies to attributions
with a source and to the cue tagger's own with none (the rules' claims with no source
and unverified findings are theirs alone). The default is the lowest hundredth at which
dev precision stays at 0.88 or more, and never below 0.5, where a finding is as likely
wrong as right (`THRESHOLD` in `src/learn/mod.rs` says why).

{chr(10).join(curve)}

## The writer's hedges (news-hedge-dev, 91 articles)

```
default      {hedge_line(path("hedge.jsonl"))}
rules alone  {hedge_line(path("hedge-rules.jsonl"))}
```

Hedges are the rules' (`src/rules/hedges.rs`, `lexicon/hedges.txt`): phrases, words of
likelihood, and the modals of possibility read in context. With the phrase list alone
(before 2026-11-30) the figure was P 0.500, R 0.209, F1 0.295 (46 found). The annotation
is selective (a "could" it marks in one sentence it leaves in the next), so precision
here is a floor.

## Seed article

```
{seed_scores}
```

## Precision by rule and by model (PolNeAR dev)

`model` is the cue tagger's own proposals; every other row is a rule, after the scorer
(left) and alone (right).

{chr(10).join(rules)}

## The model

`model/sourcelight.model`, written by `cargo run --release --bin train -- ../shared/eval/polnear-train.jsonl`:
{raw} bytes, {gz} bytes gzipped.

## Remaining errors (PolNeAR dev, default settings)

Attributions the annotation has and sourcelight misses, by class:

{table(missed, "all missed")}

Most missed cues: {", ".join(f"“{c}” {n}" for c, n in missed_cues.most_common(25))}.

Attributions sourcelight reports that the annotation does not have, by class:

{table(false, "all false")}

Most frequent cue words among them: {", ".join(f"“{c}” {n}" for c, n in false_cues.most_common(20))}.

What the classes mean: PolNeAR counts beliefs, intentions and stances as attributions
and marks nouns and prepositions as cues ("questions about", "in his view"). The rules
read reporting verbs, "according to", quotations, nouns of saying and hearsay phrases;
the cue tagger adds words and phrases outside the lists, and the scorer drops the
candidates it trusts least. Many "false" findings are attributions the annotators
left out (inside quotations especially); precision here is a floor.
"""
    if "--check" in sys.argv:
        print(doc)
    else:
        with open(os.path.join(ROOT, "QUALITY.md"), "w", encoding="utf-8") as f:
            f.write(doc)
        print("wrote QUALITY.md")
        print(dev_scores)


if __name__ == "__main__":
    main()
