"""Generates a synthetic cryptoreg dataset: N frameworks × M aspects, valid under `cryptoreg check`.
Usage: python3 bench/gen_dataset.py OUT_DIR [FRAMEWORKS=500] [ASPECTS=40]"""

import os, random, sys

out = sys.argv[1]
n_frameworks = int(sys.argv[2]) if len(sys.argv) > 2 else 500
n_aspects = int(sys.argv[3]) if len(sys.argv) > 3 else 40
random.seed(7)
os.makedirs(os.path.join(out, "frameworks"), exist_ok=True)
levels = ["not-addressed", "monitoring", "principle", "recommended", "binding", "prohibited", "unknown"]
with open(os.path.join(out, "aspects.toml"), "w") as f:
    f.write('[[groups]]\nid = "generated"\nname = "Generated"\n')
    for a in range(n_aspects):
        f.write(f'\n[[aspects]]\nid = "aspect-{a:02d}"\ngroup = "generated"\nname = "Aspect {a}"\nquestion = "Question {a}?"\n')
        f.write('[aspects.rubric]\nbinding = "Law requires it."\nnot-addressed = "Silent."\n')
        for r in range(5):
            f.write(f'\n[[aspects.requirements]]\nid = "req-{a:02d}-{r}"\nlabel = "Requirement {r}"\ndescription = "What it means."\n')
        f.write(f'\n[[aspects.parameters]]\nid = "threshold"\nlabel = "Threshold"\nkind = "amount"\ndescription = "A threshold."\nstricter = "lower"\n')
    f.write('\n[reference_rates]\ndate = "2026-11-01"\nsource = "generated"\nusd_per_unit = { EUR = 1.1 }\n')
with open(os.path.join(out, "jurisdictions.toml"), "w") as f:
    f.write('[[groupings]]\ncode = "EU"\nname = "European Union"\nkind = "union"\n')
    f.write('source = "https://example.org/eu"\nchecked = "2026-11-01"\n')
    f.write('\n[[jurisdictions]]\ncode = "EU"\nname = "European Union"\nregion = "europe"\n')
    f.write('\n[[jurisdictions]]\ncode = "FR"\nname = "France"\nregion = "europe"\nmember_of = ["EU"]\n')
for i in range(n_frameworks):
    fid = f"gen-{i:03d}"
    with open(os.path.join(out, "frameworks", fid + ".toml"), "w") as f:
        f.write(f'id = "{fid}"\nname = "Generated framework {i}"\nshort = "Gen {i}"\nkind = "national-law"\nbody = "Body {i}"\n')
        f.write(f'jurisdictions = ["FR"]\nstatus = "in-force"\nsummary = "Synthetic framework for benchmarks."\n\n')
        f.write(f'[[sources]]\nid = "law"\ntitle = "Law {i}"\npublisher = "Gazette"\ndate = "2023-01-01"\nurl = "https://example.org/{fid}"\nprimary = true\n\n')
        f.write('[[milestones]]\ndate = "2023-01-01"\nkind = "adopted"\ntitle = "Adopted"\nsource = "law"\n')
        for a in range(n_aspects):
            level = random.choice(levels)
            reqs = ", ".join(f'req-{a:02d}-{r} = "mandatory"' for r in range(random.randint(0, 5)))
            amount = random.choice([0, 1000, 3000, 15000])
            currency = random.choice(["EUR", "USD"])
            f.write(f'\n[provisions.aspect-{a:02d}]\nsummary = "Cell {i}×{a}: a one-line summary of what the law says."\n')
            f.write('detail = "A short paragraph in plain language describing the position, its conditions and its exceptions."\n')
            f.write(f'level = "{level}"\nconfidence = "medium"\nreviewed = "2026-11-01"\nnote = "Generated."\n')
            f.write(f'requirements = {{ {reqs} }}\nparameters = {{ threshold = {{ amount = {amount}, currency = "{currency}" }} }}\n')
            f.write(f'citations = [{{ source = "law", pinpoint = "Art. {a + 1}" }}]\n')
            if a % 4 == 0:
                f.write(f'\n[[provisions.aspect-{a:02d}.history]]\nfrom = "2023-01-01"\nuntil = "2024-01-01"\nsummary = "Before."\nlevel = "principle"\nstatus = "adopted"\n')
