"""Draw a reproducible sample of translated item ids: sample.py SEED BANK... (PER_BANK env, default 8)."""
import glob, os, random, sys
import yaml

seed, banks = sys.argv[1], sys.argv[2:]
per = int(os.environ.get("PER_BANK", "8"))
root = os.environ.get("BANKS", "question_banks")
for bank in banks:
    [path] = glob.glob(f"{root}/{bank.lower()}-*.es.yaml")
    ids = sorted(q["id"] for q in yaml.safe_load(open(path, encoding="utf-8"))["questions"])
    rng = random.Random(f"{seed}:{bank.upper()}")
    print(bank.upper(), " ".join(sorted(rng.sample(ids, per))))
