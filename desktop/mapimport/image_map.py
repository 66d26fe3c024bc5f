"""A map from a plain picture (no UVTT): the GM shows one cell of the picture's grid; the grid
follows from it (square cells, the first whole cell from the top-left), and the picture is cut
to the whole cells and scaled like an import's (desktop/mapimport/picture.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from desktop.mapimport.picture import MAX_CELL_PIXELS, MAX_SIDE, GridPicture, decode
from desktop.mapimport.uvtt import MapImportError

MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class PictureGrid:
    """Square cells of `cell` picture pixels, the first one's corner at (x, y)."""

    x: float
    y: float
    cell: float

    def cells(self, width: int, height: int) -> tuple[int, int]:
        """Whole cells of the picture across and down."""
        return math.floor((width - self.x) / self.cell), math.floor((height - self.y) / self.cell)


def grid_from_cell(x: float, y: float, width: float, height: float) -> PictureGrid:
    """The grid of a cell drawn at (x, y) of that size (its mean side), moved to the first
    whole cell from the picture's top-left."""
    cell = (abs(width) + abs(height)) / 2
    if cell < 4:
        raise MapImportError("a cell must be at least 4 pixels wide")
    return PictureGrid(min(x, x + width) % cell, min(y, y + height) % cell, cell)


def read_picture(path: Path) -> Image.Image:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise MapImportError("the picture file is larger than 256 MB")
        data = path.read_bytes()
    except OSError as error:
        raise MapImportError(f"cannot read the picture: {error.strerror or error}") from None
    return decode(data)


def cut_to_grid(image: Image.Image, grid: PictureGrid) -> tuple[GridPicture, int, int]:
    """The whole cells of the picture at <= 100 px a cell and 8,192 px a side, and the grid's
    width and height in cells."""
    across, down = grid.cells(image.width, image.height)
    if across < 1 or down < 1:
        raise MapImportError("the cell is larger than the picture")
    box = (
        round(grid.x),
        round(grid.y),
        round(grid.x + across * grid.cell),
        round(grid.y + down * grid.cell),
    )
    cell = max(1, min(MAX_CELL_PIXELS, round(grid.cell), MAX_SIDE // max(across, down)))
    cut = image.crop(box).convert("RGBA" if "A" in image.getbands() else "RGB")
    return (
        GridPicture(cut.resize((across * cell, down * cell), Image.Resampling.LANCZOS), cell),
        across,
        down,
    )
