"""Seed corpora for the fuzz targets, made from ../shared (corpus, excerpts) and the
README's examples: small pieces (<= 8 KiB) so that executions stay fast.

Usage: python3 fuzz/seeds.py [SHARED_DIR] [OUT_DIR]   (defaults: ../shared, fuzz/corpus)
Each target's folder also gets the committed regression inputs of fuzz/regressions/<target>/.
"""
import html, os, pathlib, shutil, sys

here = pathlib.Path(__file__).resolve().parent
shared = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else here.parent.parent / "shared")
out = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else here / "corpus")
LIMIT = 8192

def cut(text, limit=LIMIT):
    """The text up to the last paragraph break before `limit` bytes."""
    b = text.encode()
    if len(b) <= limit:
        return text
    t = b[:limit].decode(errors="ignore")
    i = t.rfind("\n\n")
    return t[:i] if i > 0 else t

chapters = sorted((shared / "corpus" / "tip-2018").glob("*.txt"))
pick = chapters[:: max(1, len(chapters) // 12)][:12]
texts = [cut(p.read_text()) for p in pick]
excerpts = [p.read_text() for p in sorted((shared / "excerpts" / "other-years").glob("*.txt"))]
refworld = [p.read_text() for p in sorted((shared / "corpus" / "refworld").glob("*.txt"))]
dump = (shared / "corpus" / "tip-2018-country-narratives.txt").read_text()
# Two chapter boundaries of the whole-report dump.
mid = dump.find("\nALBANIA: ")
dumps = [cut(dump[:20000], 12000), cut(dump[max(0, mid - 3000):mid + 6000], 12000)] if mid > 0 else [cut(dump)]

def page(text, title):
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><title>{title} | 2018 Trafficking in Persons Report</title>"
            f"<script>var x='<p>no</p>';</script></head><body><nav>Menu</nav><main><h1>{title}</h1>"
            f"{paras}</main><footer>Back to top</footer></body></html>")

def bbox(text):
    """What `pdftotext -bbox-layout` prints for the text set on pages of 40 lines."""
    lines = [l for l in text.split("\n")]
    pages, y = [], 0
    outp = ['<html><body><doc>']
    for i in range(0, len(lines), 40):
        outp.append('<page width="612.000000" height="792.000000"><flow>')
        outp.append('<block xMin="270" yMin="20" xMax="340" yMax="30"><line xMin="270" yMin="20" xMax="340" yMax="30"><word xMin="270" yMin="20" xMax="340" yMax="30">TRAFFICKING</word><word xMin="270" yMin="20" xMax="340" yMax="30">IN</word><word>PERSONS</word><word>REPORT</word><word>2018</word></line></block>')
        y = 60
        for l in lines[i:i + 40]:
            words = "".join(f'<word xMin="{60+k*30}" yMin="{y}" xMax="{85+k*30}" yMax="{y+10}">{html.escape(w)}</word>' for k, w in enumerate(l.split()))
            outp.append(f'<block xMin="60" yMin="{y}" xMax="550" yMax="{y+10}"><line xMin="60" yMin="{y}" xMax="550" yMax="{y+10}">{words}</line></block>')
            y += 16
        outp.append(f'<block xMin="300" yMin="760" xMax="320" yMax="770"><line xMin="300" yMin="760" xMax="320" yMax="770"><word xMin="300" yMin="760" xMax="320" yMax="770">{100 + i // 40}</word></line></block>')
        outp.append('</flow></page>')
    outp.append('</doc></body></html>')
    return "".join(outp)

queries = ["humanitarian visas", "victims", '"forced labor" AND (brick OR kiln) -bonded', "traffick*",
           '"phrase prefi"*', "+labor -sex", "a OR b", "NOT x", "section:prosecution", '"unbalanced',
           "((", "x^2", "title:[a TO b]", "~", "año", "*", "labor~2"]
settings = ["significant_efforts=false", "fully_meets_standards=true", "convictions=12", "prosecutions=unknown",
            "csrf=x&analyst=Ana&note=n&f.significant_efforts=false&extra=convictions%3D3%0Avictims_identified%3D7",
            "set=significant_efforts%3Dtrue&set=convictions%3D-1", "=x", "novalue", "f.x=%ZZ"]

seeds = {
    "decode": texts[:4] + excerpts[:6],
    "read_text": texts + excerpts + dumps,
    "refworld": [cut(t) for t in refworld] + [cut(t, 4000) for t in refworld],
    "html": [page(t, p.stem.replace("-", " ").title()) for t, p in zip(texts, pick)],
    "pdf_layout": [bbox(t) for t in texts[:6]] + [bbox(d) for d in dumps],
    "segment": texts + excerpts,
    "extract": texts + excerpts,
    "query": queries,
    "overrides": settings,
}
binary = {"decode": [t.encode("utf-16") for t in texts[:2]] + [t.encode("cp1252", errors="replace") for t in texts[2:4]]}

for target, items in seeds.items():
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    for i, s in enumerate(items):
        (d / f"seed-{i:03}").write_bytes(s.encode())
    for i, b in enumerate(binary.get(target, [])):
        (d / f"seed-bin-{i:03}").write_bytes(b)
    reg = here / "regressions" / target
    if reg.is_dir():
        for f in reg.iterdir():
            shutil.copy(f, d / f.name)
    print(f"{target}: {len(list(d.iterdir()))} inputs")
