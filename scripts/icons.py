#!/usr/bin/env python3
"""Draws the extension's toolbar icons (PNG, 16 to 128 pixels): the logo's
three bands of colour, named source, no source, disputed, on a rounded
square. Writes DIR/16.png, 32.png, 48.png and 128.png.

    python3 scripts/icons.py DIR
"""
import os
import struct
import sys
import zlib

BANDS = [(0, 114, 178), (230, 159, 0), (213, 94, 0)]


def pixel(x, y, size):
    """The colour at (x, y): transparent outside the rounded corners."""
    r = size * 0.22
    cx = min(max(x + 0.5, r), size - r)
    cy = min(max(y + 0.5, r), size - r)
    if (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r:
        return (0, 0, 0, 0)
    # diagonal bands, as in the demo's logo
    t = (x + y) / (2 * size)
    band = BANDS[0] if t < 0.45 else BANDS[1] if t < 0.7 else BANDS[2]
    return band + (255,)


def png(size):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for size in (16, 32, 48, 128):
        with open(os.path.join(out, f"{size}.png"), "wb") as f:
            f.write(png(size))


if __name__ == "__main__":
    main()
