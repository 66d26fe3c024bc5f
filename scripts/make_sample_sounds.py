"""Makes the sample campaign's sounds (campaign/sounds/*.wav): synthesised here, no recordings.

Run: python scripts/make_sample_sounds.py  (writes into desktop/campaign/sample/campaign/sounds/)
"""

from __future__ import annotations

import math
import random
import struct
import wave
from collections.abc import Callable
from pathlib import Path

RATE = 11025
OUT = Path(__file__).resolve().parents[1] / "desktop/campaign/sample/campaign/sounds"


def write(name: str, seconds: float, sample: Callable[[float], float]) -> None:
    frames = b"".join(
        struct.pack("<h", int(max(-1.0, min(1.0, sample(i / RATE))) * 30000))
        for i in range(int(seconds * RATE))
    )
    with wave.open(str(OUT / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(17)
    noise = [rng.uniform(-1, 1) for _ in range(RATE * 4)]

    def hum(t: float) -> float:  # a 4 s loop: whole cycles of every partial, so no click
        wobble = 0.15 * math.sin(2 * math.pi * 0.5 * t)
        tone = sum(
            a * math.sin(2 * math.pi * f * t) for f, a in ((55, 0.5), (110, 0.25), (165, 0.1))
        )
        return 0.55 * tone * (1 + wobble) + 0.04 * noise[int(t * RATE) % len(noise)]

    def groan(t: float) -> float:
        f = 90 - 35 * t
        env = min(1.0, t * 4) * math.exp(-t * 1.1)
        return (
            env * 0.6 * (math.sin(2 * math.pi * f * t) + 0.4 * math.sin(2 * math.pi * f * 2.7 * t))
        )

    smooth = [0.0]

    def hiss(t: float) -> float:
        smooth[0] = 0.8 * smooth[0] + 0.2 * noise[int(t * RATE) % len(noise)]
        env = min(1.0, t * 6) * (1.0 if t < 1.1 else max(0.0, 1 - (t - 1.1) * 8))
        clunk = math.exp(-(t - 1.2) * 30) * math.sin(2 * math.pi * 70 * t) if t > 1.2 else 0.0
        return 0.7 * env * smooth[0] * 2.5 + 0.8 * clunk

    write("reactor_hum.wav", 4.0, hum)
    write("hull_groan.wav", 2.5, groan)
    write("airlock_cycle.wav", 1.6, hiss)


if __name__ == "__main__":
    main()
