"""Images for the edge detection playground: the seed's picture, synthetic
pictures drawn in code, and the user's upload decoded safely.

Every image is a 2-D float array, white 1 and black 0, as in the seed (its
6x8 image is white with four black columns in the middle).

Uploads are opened with Pillow restricted to the accepted formats; the pixel
count in the header is checked *before* any pixel is decoded (so a tiny file
that claims 40000x40000 pixels is refused without decoding it); EXIF
orientation is applied; animations give their first frame; any colour mode
becomes grayscale in [0, 1]; the longer side is scaled down to ``MAX_SIDE``.
Whatever cannot be read raises :class:`ImageError` (a ``ValueError``) that
says what to upload instead; its ``kind`` (one of ``ImageError.KINDS``) names
the way the upload failed, so a page can show its own translated message.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageOps

from convcore import seed

__all__ = [
    "SYNTHETIC",
    "FORMATS",
    "EXTENSIONS",
    "MAX_SIDE",
    "MAX_PIXELS",
    "seed_image",
    "synthetic",
    "ImageError",
    "Decoded",
    "decode_upload",
    "png_bytes",
    "npy_bytes",
    "to_uint8",
]

SYNTHETIC = ("seed", "stripes", "checkerboard", "disc", "step", "text")
FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF")
EXTENSIONS = ("png", "jpg", "jpeg", "webp", "gif", "bmp", "tif", "tiff")
MAX_SIDE = 512  # longer side of an uploaded image after downscaling
MAX_PIXELS = 25_000_000  # pixels an upload may have before decoding (a 6000x4000 photo fits)
_FORMATS_TEXT = "PNG, JPEG, WebP, GIF, BMP or TIFF"


# --- built-in images ---------------------------------------------------------

def seed_image() -> np.ndarray:
    """The seed's 6x8 picture: white (1) with the middle four columns black (0).

    >>> seed_image().astype(int).tolist()[0]
    [1, 1, 0, 0, 0, 0, 1, 1]
    """
    return seed.edge_image().astype(np.float32)


@lru_cache(maxsize=32)
def _synthetic(name: str, size: int) -> np.ndarray:
    n = size
    yy, xx = np.mgrid[0:n, 0:n]
    if name == "stripes":  # vertical black stripes on white
        w = max(1, n // 16)
        X = ((xx // w) % 2 == 0).astype(np.float32)
    elif name == "checkerboard":
        w = max(1, n // 8)
        X = (((xx // w) + (yy // w)) % 2 == 0).astype(np.float32)
    elif name == "disc":  # a black disc on white
        c = (n - 1) / 2
        X = (np.hypot(yy - c, xx - c) > 0.35 * n).astype(np.float32)
    elif name == "step":  # white on the left, black on the right
        X = (xx < n // 2).astype(np.float32)
    elif name == "text":  # black text on white, twice as wide as high
        h = max(4, n // 2)
        img = Image.new("L", (n, h), 255)
        draw = ImageDraw.Draw(img)
        font = ImageFont.load_default(size=max(4, int(h * 0.6)))
        left, top, right, bottom = draw.textbbox((0, 0), "Conv", font=font)
        draw.text(((n - (right - left)) / 2 - left, (h - (bottom - top)) / 2 - top), "Conv", fill=0, font=font)
        X = np.asarray(img, dtype=np.float32) / 255
    else:
        raise ValueError(f"unknown image {name!r}; choose one of {', '.join(SYNTHETIC)}")
    X.setflags(write=False)  # shared by the cache: nobody may change it
    return X


def synthetic(name: str, size: int = 64) -> np.ndarray:
    """A built-in picture, white 1 and black 0: ``"seed"`` (6x8, ``size`` is
    ignored), or ``size`` x ``size`` ``"stripes"``, ``"checkerboard"``,
    ``"disc"``, ``"step"``, or ``size//2`` x ``size`` ``"text"``.

    The array is read-only (it is cached); copy it to change it.

    >>> synthetic("step", 4).astype(int).tolist()
    [[1, 1, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0]]
    >>> synthetic("text", 64).shape
    (32, 64)
    """
    if name == "seed":
        return seed_image()
    if not isinstance(size, (int, np.integer)) or not 4 <= size <= 2048:
        raise ValueError(f"image size must be a whole number from 4 to 2048, not {size!r}")
    return _synthetic(name, int(size))


# --- uploads -------------------------------------------------------------

class ImageError(ValueError):
    """An upload that cannot be used: ``kind`` says how it failed, ``details``
    holds what a message about it needs.

    ============  ==============================================  ==========================
    kind          the upload                                      details
    ============  ==============================================  ==========================
    empty         has no bytes                                    (none)
    not_image     is not a picture in one of ``FORMATS``          (none)
    too_large     has more pixels than the bound (read from       ``width``, ``height``,
                  the header, before decoding)                    ``limit``
    bomb          claims so many pixels that Pillow refuses to    ``limit``
                  open it (its size is not known)
    damaged       is cut off or broken, has no pixels, or holds   (none)
                  values that are not finite
    mode          has a colour mode that cannot become gray       ``mode``
    ============  ==============================================  ==========================
    """

    KINDS = ("empty", "not_image", "too_large", "bomb", "damaged", "mode")

    def __init__(self, kind: str, message: str, **details):
        if kind not in self.KINDS:
            raise ValueError(f"unknown ImageError kind {kind!r}; use one of {', '.join(self.KINDS)}")
        super().__init__(message)
        self.kind, self.details = kind, details


@dataclass(frozen=True)
class Decoded:
    """An upload as a grayscale float32 image in [0, 1] (white 1)."""

    pixels: np.ndarray
    original_size: tuple[int, int]  # (height, width) after EXIF orientation, before downscaling
    format: str
    mode: str  # Pillow's colour mode of the file
    animated: bool

    @property
    def downscaled(self) -> bool:
        return self.pixels.shape != self.original_size


def _luma(rgba: np.ndarray) -> np.ndarray:
    """RGBA uint8 -> gray in [0, 1], transparent parts shown as white (the page's background)."""
    a = rgba.astype(np.float32) / 255
    gray = a[..., 0] * 0.299 + a[..., 1] * 0.587 + a[..., 2] * 0.114  # ITU-R 601, as Pillow's "L"
    alpha = a[..., 3]
    return gray * alpha + (1 - alpha)


def _gray(img: Image.Image) -> np.ndarray:
    """Any Pillow image (after load) as float32 gray in [0, 1]."""
    mode = img.mode
    if mode.startswith("I;16"):
        return np.asarray(img, dtype=np.float32) / 65535
    if mode in ("I", "F"):
        a = np.asarray(img, dtype=np.float64)
        if not np.isfinite(a).all():
            raise ImageError("damaged", "the image holds values that are not finite numbers; "
                             f"upload an ordinary {_FORMATS_TEXT} picture")
        lo, hi = float(a.min()), float(a.max())
        if mode == "F" and lo >= 0 and hi <= 1:
            scaled = a
        elif lo >= 0 and hi <= 255:
            scaled = a / 255
        elif lo >= 0 and hi <= 65535:
            scaled = a / 65535
        else:
            scaled = (a - lo) / (hi - lo) if hi > lo else np.zeros_like(a)
        return scaled.astype(np.float32)
    if mode == "L":
        return np.asarray(img, dtype=np.float32) / 255
    try:
        rgba = img.convert("RGBA")
    except (ValueError, OSError):
        try:
            return np.asarray(img.convert("L"), dtype=np.float32) / 255
        except (ValueError, OSError):
            raise ImageError("mode", f"its colour mode {mode} cannot be turned into gray here; "
                             "save it as an ordinary RGB or grayscale PNG or JPEG and upload that", mode=mode) from None
    return _luma(np.asarray(rgba))


def _downscale(gray: np.ndarray, max_side: int) -> np.ndarray:
    h, w = gray.shape
    if max(h, w) <= max_side:
        return gray
    f = max_side / max(h, w)
    size = (max(1, round(w * f)), max(1, round(h * f)))
    small = Image.fromarray(np.ascontiguousarray(gray, dtype=np.float32)).resize(size, Image.Resampling.LANCZOS)
    return np.clip(np.asarray(small, dtype=np.float32), 0, 1)


def decode_upload(data, *, max_side: int = MAX_SIDE, max_pixels: int = MAX_PIXELS) -> Decoded:
    """Decode an uploaded picture (bytes or a binary file object) to grayscale.

    Raises :class:`ImageError` (a ``ValueError``) saying what to upload
    instead, its ``kind`` one of ``ImageError.KINDS``: an empty file, not a
    picture in an accepted format, too many pixels (checked from the header,
    before decoding; far too many for Pillow to open at all), a damaged or
    cut-off file, or a colour mode that has no gray.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = io.BytesIO(bytes(data))
    try:
        data.seek(0, io.SEEK_END)
        empty = data.tell() == 0
        data.seek(0)
    except (AttributeError, OSError):
        empty = False
    if empty:
        raise ImageError("empty", f"the file is empty; upload a {_FORMATS_TEXT} picture")
    try:
        img = Image.open(data, formats=list(FORMATS))
    except Image.DecompressionBombError:
        raise ImageError("bomb", "the picture has far too many pixels to decode safely; "
                         f"upload one with at most {max_pixels:,} pixels", limit=max_pixels) from None
    except Exception:  # UnidentifiedImageError, and whatever a broken header makes a plugin raise
        raise ImageError("not_image", "this is not a picture in a format this page reads; "
                         f"upload a {_FORMATS_TEXT} file") from None
    with img:
        width, height = img.size
        if width < 1 or height < 1:
            raise ImageError("damaged", f"the picture has no pixels ({width}x{height}); upload another {_FORMATS_TEXT} file")
        if width * height > max_pixels:  # before load(): nothing has been decoded yet
            raise ImageError(
                "too_large",
                f"the picture has {width}x{height} = {width * height:,} pixels, more than the {max_pixels:,} "
                "this page decodes; scale it down (e.g. to 2000x1500) and upload it again",
                width=width, height=height, limit=max_pixels,
            )
        fmt, mode = img.format or "?", img.mode
        animated = bool(getattr(img, "is_animated", False))
        try:
            if animated:
                img.seek(0)
            if fmt == "JPEG":
                img.draft(None, (max_side, max_side))  # decode at 1/2, 1/4 or 1/8 scale when that still covers max_side
            img.load()
            original = (height, width)  # from the header: a JPEG's draft may have decoded fewer pixels
            try:
                oriented = ImageOps.exif_transpose(img)
                if img.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # turned a quarter: the sides swap
                    original = (width, height)
            except Exception:  # a broken EXIF block: keep the pixels as stored
                oriented = img
            gray = _gray(oriented)
        except ImageError:
            raise
        except Exception:  # truncated data, broken chunks, decoder errors
            raise ImageError("damaged", "the file looks damaged or cut off and could not be decoded; "
                             f"save the picture again as PNG or JPEG and upload that") from None
    pixels = _downscale(gray, max_side)
    pixels.setflags(write=False)
    return Decoded(pixels, original, fmt, mode, animated)


# --- downloads -----------------------------------------------------------

def to_uint8(Y) -> np.ndarray:
    """A result as 8-bit gray for a PNG. With negative values, 0 maps to 128 and
    ``±max|Y|`` to 255/0 (white = positive); otherwise ``[0, max]`` maps to
    ``[0, 255]``. An all-zero result is black (or mid-gray when signed).

    >>> to_uint8([[1.0, 0.0, -1.0]]).tolist()
    [[255, 128, 0]]
    >>> to_uint8([[0.0, 0.5, 2.0]]).tolist()
    [[0, 64, 255]]
    """
    Y = np.asarray(Y, dtype=np.float64)
    if Y.ndim != 2 or Y.size == 0:
        raise ValueError(f"the result must be a non-empty 2-D array, not shape {Y.shape}")
    Y = np.nan_to_num(Y, nan=0.0, posinf=0.0, neginf=0.0)
    m = float(np.abs(Y).max())
    if Y.min() < 0:
        scaled = 127.5 + 127.5 * Y / m
    else:
        scaled = 255 * Y / m if m > 0 else Y
    return np.clip(np.floor(scaled + 0.5), 0, 255).astype(np.uint8)


def png_bytes(Y) -> bytes:
    """The result as an 8-bit grayscale PNG (see :func:`to_uint8`)."""
    out = io.BytesIO()
    Image.fromarray(to_uint8(Y)).save(out, format="PNG")
    return out.getvalue()


def npy_bytes(Y) -> bytes:
    """The result, every value, as a NumPy ``.npy`` file."""
    out = io.BytesIO()
    np.save(out, np.asarray(Y), allow_pickle=False)
    return out.getvalue()
