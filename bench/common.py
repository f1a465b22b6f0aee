"""Shared by the benchmarks: the machine's description and a deterministic corpus of summaries."""
import os
import platform
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests/data/fixtures/seed/000_5c600465db280f8a.txt"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    return (f"machine: {cpu_model()}, {os.cpu_count()} cores; Python {platform.python_version()}; "
            f"{platform.system()} {platform.release()}")


PERFORMERS = ["Dienvidlatgales NVO atbalsta centrs", "Zemgales NVO atbalsta centrs", "Kurzemes NVO atbalsta centrs",
              "Latvijas Pilsoniskā alianse", "Valmieras novada fonds", "Rēzeknes kopienu fonds", "Ludzas NVO centrs"]
REGIONS = [("Latgales", "Latgale"), ("Zemgales", "Zemgale"), ("Kurzemes", "Kurzeme"), ("Vidzemes", "Vidzeme"),
           ("Rīgas", "Rīga")]


def generated_summaries(count: int, *, seed: int = 2019) -> list[bytes]:
    """Summaries in the seed's layout with varied performers, regions, periods, counts and amounts."""
    template = SEED.read_text(encoding="utf-8")
    rng = random.Random(seed)
    corpus = []
    for index in range(count):
        genitive, _name = rng.choice(REGIONS)
        year = rng.randint(2012, 2024)
        text = (template
                .replace("Latgales reģionā izpildi", f"{genitive} reģionā izpildi")
                .replace("Dienvidlatgales NVO atbalsta centrs", f"{rng.choice(PERFORMERS)} {index}")
                .replace("12.08.2019. – 31.10.2020.", f"{rng.randint(1, 28):02d}.0{rng.randint(1, 9)}.{year}. – "
                                                      f"{rng.randint(1, 28):02d}.1{rng.randint(0, 2)}.{year + 1}.")
                .replace("2019.gads", f"{year}.gads").replace("2020.gads", f"{year + 1}.gads")
                .replace("37500,00 euro", f"{rng.randint(5, 90)} {rng.randint(0, 999):03d},00 euro")
                .replace("3 semināri", f"{rng.randint(1, 40)} semināri")
                .replace("89 NVO", f"{rng.randint(10, 900)} NVO")
                .replace("154 publikācijas", f"{rng.randint(1, 2000)} publikācijas")
                .replace("kopējais dalībnieku skaits 352", f"kopējais dalībnieku skaits {rng.randint(20, 5000)}"))
        corpus.append(text.encode("utf-8"))
    return corpus
