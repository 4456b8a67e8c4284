"""Precision and recall of ``tizim ingest`` per language, and its speed.

    .venv/bin/python bench/ingest_eval.py [--corpus DIR] [--articles 1000] [--verbose]

Quality: every ``NAME.txt`` of the corpus (default ``tests/ingest/data/corpus``: fictional
texts in kk/ru/en with distractors) is read and compared with ``NAME.expected.json``, written
by hand. A claim counts as found when a proposed claim has the same value and fate group
(qualifier agreement is reported apart); a person when a proposed person has the same surname
and given name (fate agreement reported apart). Any folder of texts in the same shape — real
articles never shown to the extractor — is scored the same way with ``--corpus``;
``docs/ingest-annotation.md`` says how to write the expected files.

Speed: one article of about 2,000 words (the seed articles joined) read after start-up, the
median of 5 runs; then ``tizim ingest FOLDER --dry-run --json`` on a folder of ``--articles``
articles (the corpus and the seeds copied round), a real process, start-up included.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from tizim.core.ingest import SecondReaders, extract
from tizim.core.ingest.training import read_annotated

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "ingest" / "data" / "corpus"
SEEDS = ROOT / "tests" / "ingest" / "data" / "seeds"


def _claim_key(claim: dict[str, Any]) -> tuple[int, str | None]:
    return int(claim["value"]), claim.get("fate_group")


def _person_key(person: dict[str, Any]) -> tuple[str, str]:
    return person["surname"].casefold(), person["given_name"].casefold()


def _score(expected: list, found: list, key: Any, agree: str) -> tuple[int, int, int, int]:
    """(matched, expected, proposed, of the matched how many agree on ``agree``)."""
    wanted = Counter(key(e) for e in expected)
    got = Counter(key(f) for f in found)
    matched = sum((wanted & got).values())
    by_key: dict[Any, list[Any]] = defaultdict(list)
    for item in found:
        by_key[key(item)].append(item[agree])
    agreeing = 0
    for item in expected:
        values = by_key.get(key(item))
        if not values:
            continue
        options = item[agree] if isinstance(item[agree], list) else [item[agree]]
        hit = next((v for v in values if v in options), None)
        values.remove(hit if hit is not None else values[0])
        agreeing += hit is not None
    return matched, sum(wanted.values()), sum(got.values()), agreeing


def evaluate(
    corpus: Path, verbose: bool, learned: SecondReaders | bool = True
) -> dict[str, dict[str, list[int]]]:
    """Totals per language: claims and persons as [matched, expected, proposed, agreeing];
    ``learned`` as :func:`tizim.core.ingest.extract` takes it."""
    totals: dict[str, dict[str, list[int]]] = defaultdict(
        lambda: {"claims": [0, 0, 0, 0], "persons": [0, 0, 0, 0]}
    )
    for text_path in sorted(corpus.glob("*.txt")):
        expected = json.loads(text_path.with_suffix(".expected.json").read_text())
        text, published = read_annotated(text_path, expected)
        found = extract(text, published=published, learned=learned).as_json()
        language = expected.get("language") or "?"
        for kind, key, agree in (
            ("claims", _claim_key, "qualifier"),
            ("persons", _person_key, "fate"),
        ):
            score = _score(expected[kind], found[kind], key, agree)
            totals[language][kind] = [
                a + b for a, b in zip(totals[language][kind], score, strict=True)
            ]
            missed = Counter(key(e) for e in expected[kind]) - Counter(key(f) for f in found[kind])
            extra = Counter(key(f) for f in found[kind]) - Counter(key(e) for e in expected[kind])
            if verbose and (missed or extra):
                missed_keys, extra_keys = sorted(missed, key=str), sorted(extra, key=str)
                print(f"  {text_path.name} {kind}: missed {missed_keys} extra {extra_keys}")
    return totals


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "—"


def _row(language: str, kind: str, score: tuple[int, int, int, int]) -> None:
    matched, expected, proposed, agreeing = score
    print(
        f"{language:<9}{kind:<9}{expected:>9}{proposed:>9}{matched:>7}"
        f"{_ratio(matched, proposed):>10}{_ratio(matched, expected):>8}"
        f"  {_ratio(agreeing, matched)}"
    )


def report(totals: dict[str, dict[str, list[int]]]) -> None:
    print(
        f"{'language':<9}{'kind':<9}{'expected':>9}{'proposed':>9}{'found':>7}"
        f"{'precision':>10}{'recall':>8}  agreement (qualifier / fate)"
    )
    overall: dict[str, list[int]] = {"claims": [0, 0, 0, 0], "persons": [0, 0, 0, 0]}
    for language in sorted(totals):
        for kind, (matched, expected, proposed, agreeing) in totals[language].items():
            overall[kind] = [
                a + b
                for a, b in zip(overall[kind], (matched, expected, proposed, agreeing), strict=True)
            ]
            _row(language, kind, (matched, expected, proposed, agreeing))
    for kind, (matched, expected, proposed, agreeing) in overall.items():
        _row("all", kind, (matched, expected, proposed, agreeing))


def speed_of_one_article() -> tuple[int, float]:
    """Words and median seconds to read about 2,000 words (the seed articles joined)."""
    text = "\n\n".join(p.read_text() for p in sorted(SEEDS.glob("*.txt")))
    words = text.split()[:2000]
    article = " ".join(words)
    extract(article, published=datetime.date(2022, 1, 31))  # start-up: regexes, caches
    times = []
    for _ in range(5):
        start = time.perf_counter()
        extract(article, published=datetime.date(2022, 1, 31))
        times.append(time.perf_counter() - start)
    return len(words), statistics.median(times)


def speed_of_a_folder(count: int) -> float:
    """Seconds for ``tizim ingest FOLDER --dry-run --json`` on ``count`` articles."""
    sources = sorted(CORPUS.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        for index in range(count):
            shutil.copy(sources[index % len(sources)], Path(folder) / f"{index:05d}.txt")
        env = {**os.environ, "TIZIM_HOME": str(Path(folder) / "home")}
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "tizim", "ingest", folder, "--dry-run", "--json",
             "--published", "2022-01-31"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
        elapsed = time.perf_counter() - start
        if result.returncode not in (0, 1):
            raise SystemExit(result.stderr)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--verbose", action="store_true", help="list what was missed or extra")
    args = parser.parse_args()
    texts = len(list(args.corpus.glob("*.txt")))
    print(f"quality on {texts} texts of {args.corpus}")
    report(evaluate(args.corpus, args.verbose))
    words, seconds = speed_of_one_article()
    print(f"\none article of {words} words, after start-up: {seconds * 1000:.0f} ms (median of 5)")
    if args.articles:
        elapsed = speed_of_a_folder(args.articles)
        print(
            f"a folder of {args.articles} articles (tizim ingest --dry-run --json, one process, "
            f"start-up included): {elapsed:.1f} s"
        )


if __name__ == "__main__":
    main()
