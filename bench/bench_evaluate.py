"""Evaluate 10,000 profiles (the examples, varied) and print the time per firm. Goal: all in < 1 s."""

import json
import random
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.profile import parse_profile

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COUNT = 10_000


def varied_profiles(count: int):
    raws = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    tiers = ["none", "innovative", "srdi", "little_giant", "key_little_giant"]
    rng = random.Random(2024)
    profiles = []
    for index in range(count):
        raw = dict(raws[index % len(raws)])
        raw["tier"] = rng.choice(tiers)
        raw["equipment_investment_last_year"] = str(Decimal(rng.randint(0, 8_000_000)))
        raw["consulting_fees_paid"] = str(Decimal(rng.randint(0, 900_000)))
        raw.pop("consulting_contract_amount", None)
        profiles.append(parse_profile(raw)[0])
    return profiles


def main() -> None:
    profiles = varied_profiles(COUNT)
    on = date(2025, 11, 20)
    evaluate(profiles[0], on)  # load the policy once, as the application does at start-up
    start = time.perf_counter()
    for profile in profiles:
        evaluate(profile, on)
    elapsed = time.perf_counter() - start
    print(f"evaluate: {COUNT} firms in {elapsed:.3f} s = {elapsed / COUNT * 1e6:.1f} µs per firm "
          f"(goal: all in < 1 s)")


if __name__ == "__main__":
    main()
