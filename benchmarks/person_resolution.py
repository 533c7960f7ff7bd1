"""Person resolution speed: synthetic mentions (random surnames, common given names, bare surnames).

Usage: python benchmarks/person_resolution.py [N_FULL] [N_BARE]
Prints mentions, persons found and seconds for `resolve_mentions` (one core).
"""

from __future__ import annotations

import platform
import random
import string
import sys
import time

from purgewatch.resolve.persons import Mention, resolve_mentions

GIVEN = ["Ivan", "Pavel", "Sergei", "Sergey", "Yury", "Yuri", "Oleg", "Anna", "Dmitry", "Alexei", "Nikolai", "Boris"]


def main() -> None:
    n_full = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    n_bare = int(sys.argv[2]) if len(sys.argv) > 2 else n_full // 4
    rng = random.Random(1)
    surnames = ["".join(rng.choice(string.ascii_lowercase) for _ in range(7)).title() + "ov" for _ in range(n_full // 4)]
    mentions = [Mention(f"d{i % 2000}", f"{rng.choice(GIVEN)} {rng.choice(surnames)}") for i in range(n_full)]
    mentions += [Mention(f"b{i}", rng.choice(surnames)) for i in range(n_bare)]
    t = time.perf_counter()
    resolved = resolve_mentions(mentions)
    took = time.perf_counter() - t
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"{len(mentions)} mentions -> {len({r.person_id for r in resolved.values()})} persons in {took:.1f} s "
          f"({len(mentions) / took:,.0f} mentions/s)")


if __name__ == "__main__":
    main()
