"""Draw the application icon: resources/icons/thidua.png (256 px) and thidua.ico.

    uv run python build_scripts/make_icon.py          # (re)write both files
    uv run python build_scripts/make_icon.py --check  # exit 1 if they differ from a fresh drawing

A red rounded square (the movement's banner), a gold star above three rising white
bars (the ranking of the units). Drawn large with Pillow and scaled down, so every
size in the .ico is anti-aliased. The output is deterministic: the committed files
are exactly what this script writes.
"""

from __future__ import annotations

import argparse
import io
import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
BIG = 1024
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]

RED = (200, 16, 46, 255)
RED_DARK = (150, 10, 32, 255)
GOLD = (255, 205, 0, 255)
WHITE = (255, 255, 255, 255)


def star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return points


def draw(size: int = BIG) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 1024
    margin = 40 * s
    d.rounded_rectangle((margin, margin + 16 * s, size - margin, size - margin + 8 * s),
                        radius=190 * s, fill=RED_DARK)  # a soft shadow edge
    d.rounded_rectangle((margin, margin, size - margin, size - margin - 8 * s),
                        radius=190 * s, fill=RED)
    d.polygon(star(512 * s, 330 * s, 215 * s, 86 * s), fill=GOLD)
    base = 860 * s
    width = 150 * s
    gap = 45 * s
    left = 512 * s - (3 * width + 2 * gap) / 2
    for i, height in enumerate((170, 250, 330)):
        x = left + i * (width + gap)
        d.rounded_rectangle((x, base - height * s, x + width, base), radius=22 * s, fill=WHITE)
    return img


def render() -> dict[str, bytes]:
    big = draw()
    png = io.BytesIO()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(png, format="PNG", optimize=True)
    ico = io.BytesIO()
    # Pillow writes each size from the largest image given, resampled with care.
    big.resize((256, 256), Image.Resampling.LANCZOS).save(
        ico, format="ICO", sizes=[(n, n) for n in ICO_SIZES])
    return {"thidua.png": png.getvalue(), "thidua.ico": ico.getvalue()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the files")
    args = parser.parse_args(argv)
    files = render()
    if args.check:
        stale = [n for n, data in files.items()
                 if not (OUT / n).is_file() or (OUT / n).read_bytes() != data]
        for n in stale:
            print(f"out of date: resources/icons/{n}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"wrote resources/icons/{name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
