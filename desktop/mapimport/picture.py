"""The picture of an imported map: checked by its first bytes, decoded with Pillow within
bounds (a decompression bomb is refused with a message), scaled to at most MAX_CELL_PIXELS per
cell and MAX_SIDE pixels a side, and laid on the deck's grid."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from desktop.mapimport.uvtt import MapImportError

MAX_CELL_PIXELS = 100
MAX_SIDE = 8192
# Pillow's own bound (89 Mpx, about 360 MB decoded): a larger picture is refused, unread.
MAX_SOURCE_PIXELS = int(Image.MAX_IMAGE_PIXELS or 89_478_485)
_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
}


@dataclass(frozen=True, slots=True)
class GridPicture:
    """A picture covering exactly width x height cells at pixels_per_cell."""

    image: Image.Image
    pixels_per_cell: int
    warnings: tuple[str, ...] = ()


def picture_kind(data: bytes) -> str:
    """PNG, JPEG or WEBP from the first bytes; MapImportError for anything else."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    raise MapImportError("the picture is not a PNG, JPEG or WebP image")


def decode(data: bytes) -> Image.Image:
    """The picture, decoded; its size is checked before any pixel is."""
    kind = picture_kind(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[kind])
            width, height = image.size
            if width * height > MAX_SOURCE_PIXELS:
                raise MapImportError(_too_large(width, height))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        limit = MAX_SOURCE_PIXELS // 1_000_000
        raise MapImportError(
            f"the picture has more than {limit} Mpx: too large to import"
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise MapImportError(f"the {kind} picture cannot be decoded ({error})") from None
    return image


def _too_large(width: int, height: int) -> str:
    limit = MAX_SOURCE_PIXELS // 1_000_000
    return (
        f"the picture is {width:,}x{height:,} px ({width * height / 1e6:,.0f} Mpx): "
        f"at most {limit} Mpx can be imported; export it at fewer pixels per grid cell"
    )


def on_grid(image: Image.Image, width: int, height: int, pixels_per_grid: int) -> GridPicture:
    """The picture scaled and laid on a width x height grid (the picture's top-left on the
    grid's); space the picture does not cover stays transparent, and a warning says so."""
    cell = max(1, min(MAX_CELL_PIXELS, pixels_per_grid, MAX_SIDE // max(width, height)))
    scale = cell / pixels_per_grid
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    grid = (width * cell, height * cell)
    scaled = image if size == image.size else image.resize(size, Image.Resampling.LANCZOS)
    notes: list[str] = []
    if size[0] < grid[0] - cell // 2 or size[1] < grid[1] - cell // 2:
        covered = f"{image.width / pixels_per_grid:.4g}x{image.height / pixels_per_grid:.4g}"
        notes.append(
            f"the picture ({image.width}x{image.height} px at {pixels_per_grid} px a cell) covers "
            f"{covered} cells of the {width}x{height}-cell map: the rest has no picture"
        )
    if size == grid and scaled.mode in ("RGB", "RGBA"):
        return GridPicture(scaled, cell, tuple(notes))
    canvas = Image.new("RGBA", grid, (0, 0, 0, 0))
    canvas.paste(scaled.convert("RGBA"), (0, 0))
    return GridPicture(canvas, cell, tuple(notes))


def save_picture(picture: GridPicture, path: Path) -> None:
    """As PNG (fast compression: a 4,000 px map is written in about a second)."""
    picture.image.save(path, format="PNG", compress_level=1)
