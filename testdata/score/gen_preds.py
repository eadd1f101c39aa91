#!/usr/bin/env python3
"""Write the fixed prediction files under pred/ from the dev gold (run once; committed).

Each file perturbs the gold in known ways so that the Go port of score.py is checked on
every rule: drops, extras, wrong units, unit aliases, wrong fields, indicator near misses,
values off by 1e-7 (still a match) and 1e-5 (not), optional gold, archive and path doc
names, lines as strings or floats, duplicates, a JSON array file and a folder.
Deterministic: no randomness. Run from the repository root:
    python3 testdata/score/gen_preds.py
"""
import glob, json, os

GOLD = "testdata/gold/dev"
OUT = "testdata/score/pred"


def load():
    out = []
    for f in sorted(glob.glob(os.path.join(GOLD, "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            out.extend(json.loads(l) for l in fh if l.strip())
    return out


def pred_of(g):
    p = {k: v for k, v in g.items() if k != "status"}
    p["col"] = 1
    return p


def dump_lines(path, recs, crlf=False, bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    nl = "\r\n" if crlf else "\n"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if bom:
            fh.write("\ufeff")
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + nl)


ALIAS = {"%": "％", "百分点": "个百分点", "元": "人民币"}
OTHER = {"period": "2099", "qualifier": "approx", "change": "increase", "modality": "target"}


def perturbed(gold):
    out = []
    for i, g in enumerate(gold):
        p = pred_of(g)
        if i % 11 == 0:
            continue                                   # dropped: a miss
        if i % 13 == 1:
            p["unit"] = (p["unit"] or "") + "X"        # wrong unit: a false alarm and a miss
        if i % 7 == 2:                                 # one field wrong, in turn
            k = ("period", "qualifier", "change", "modality")[(i // 7) % 4]
            p[k] = "" if p.get(k) else OTHER[k]
        if i % 9 == 3:                                 # indicator: near miss, spaces, unrelated, empty
            ind = p.get("indicator") or ""
            p["indicator"] = [ind[: max(1, len(ind) * 2 // 3)], " ".join(ind), "无关短语", ""][(i // 9) % 4]
        if i % 10 == 4:
            p["value"] = p["value"] * (1 + 1e-7)        # within 1e-6: still a match
        if i % 10 == 5:
            p["value"] = p["value"] * (1 + 1e-5) + 1e-3  # outside: a false alarm and a miss
        if i % 17 == 6 and p["unit"] in ALIAS:
            p["unit"] = ALIAS[p["unit"]]                # aliases fold to the canonical unit
        if i % 19 == 7:
            p["doc"] = "reports.zip!inner/dir/" + p["doc"]
        if i % 19 == 8:
            p["doc"] = "some/path/" + p["doc"]
        if i % 23 == 9:
            p["line"] = str(p["line"])                  # int("22") == 22
        if i % 23 == 10:
            p["line"] = float(p["line"])                # int(22.0) == 22
        if i % 15 == 11:
            p["text"] = p["text"] + "多"
        if i % 21 == 12:
            p["value"] = str(p["value"])                # float("350000000")
        if i % 8 == 5:
            p["period"] = None                          # None counts as ""
        out.append(p)
        if i % 29 == 10:
            out.append(dict(p))                         # duplicate: one to one, so a false alarm
    d0 = gold[0]["doc"]
    out += [
        {"doc": d0, "line": 9999, "col": 1, "text": "5家", "value": 5, "unit": "家", "indicator": "企业"},
        {"doc": d0, "line": None, "col": 1, "text": "5家", "value": 5, "unit": "家"},
        {"doc": d0, "line": "abc", "col": 1, "text": "5家", "value": 5, "unit": "家"},
        {"doc": d0, "line": 22, "col": 1, "text": "x", "value": None, "unit": "元"},
        {"doc": d0, "line": 22, "col": 1, "text": "x", "value": [1], "unit": "元"},
        {"doc": "not_in_gold.txt", "line": 1, "col": 1, "text": "5家", "value": 5, "unit": "家"},
        {"doc": "nested/not_in_gold.txt", "line": 2, "col": 1, "text": "5家", "value": 5, "unit": "家"},
    ]
    return out


def main():
    gold = load()
    req = [g for g in gold if g["status"] == "required"]
    dump_lines(f"{OUT}/exact.jsonl", [pred_of(g) for g in req])
    dump_lines(f"{OUT}/all_gold.jsonl", [pred_of(g) for g in gold])
    # optional gold only, some with values off: matches of optional gold are not false alarms
    opt = [pred_of(g) for g in gold if g["status"] == "optional"]
    for i, p in enumerate(opt):
        if i % 3 == 0:
            p["value"] = p["value"] * 2 + 1
    dump_lines(f"{OUT}/optional_only.jsonl", opt)
    per = perturbed(gold)
    dump_lines(f"{OUT}/perturbed.jsonl", per)
    # a JSON array file (pretty, with a BOM and leading blank lines), two documents only
    docs = sorted({g["doc"] for g in gold})
    arr = [p for p in per if os.path.basename(str(p.get("doc"))).split("!")[-1] in docs[:2]]
    os.makedirs(OUT, exist_ok=True)
    with open(f"{OUT}/array.json", "w", encoding="utf-8", newline="") as fh:
        fh.write("\ufeff\n\n" + json.dumps(arr, ensure_ascii=False, indent=1) + "\n")
    # a folder: one file per document, CRLF and BOM and blank lines in one, a .json array
    # in another, a file that is not .jsonl/.json (ignored)
    folder = f"{OUT}/folder"
    for j, d in enumerate(docs):
        recs = [p for p in per if str(p.get("doc")).endswith(d)]
        if j == 1:
            os.makedirs(folder, exist_ok=True)
            with open(f"{folder}/{d}.json", "w", encoding="utf-8") as fh:
                json.dump(recs, fh, ensure_ascii=False)
        else:
            dump_lines(f"{folder}/{d}.jsonl", recs, crlf=(j == 0), bom=(j == 0))
    with open(f"{folder}/{docs[0]}.jsonl", "a", encoding="utf-8", newline="") as fh:
        fh.write("\r\n   \r\n")
    with open(f"{folder}/notes.txt", "w", encoding="utf-8") as fh:
        fh.write("not records\n")
    dump_lines(f"{OUT}/empty.jsonl", [])


if __name__ == "__main__":
    main()
