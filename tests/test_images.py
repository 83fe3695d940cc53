"""convlab.images: built-in pictures, and uploads decoded from real files that
the tests write with Pillow (every mode and format the page accepts, and the
broken ones it must refuse)."""
from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image, ImageFile

from convlab import images
from convlab.images import ImageError, decode_upload


def encode(img: Image.Image, fmt: str, **kw) -> bytes:
    out = io.BytesIO()
    img.save(out, format=fmt, **kw)
    return out.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG file whose IHDR claims ``width`` x ``height`` 8-bit gray pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if any pixel data is decoded."""
    def refuse(self, *a, **k):
        raise AssertionError("pixels were decoded")
    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)
    monkeypatch.setattr(Image.Image, "load", refuse)


# --- built-in pictures --------------------------------------------------------

def test_seed_image_is_the_chapters():
    X = images.seed_image()
    expected = np.ones((6, 8))
    expected[:, 2:6] = 0
    np.testing.assert_array_equal(X, expected)
    assert images.synthetic("seed", 300).shape == (6, 8)


@pytest.mark.parametrize("name", [n for n in images.SYNTHETIC if n != "seed"])
@pytest.mark.parametrize("size", [8, 64, 512])
def test_synthetic_pictures(name, size):
    X = images.synthetic(name, size)
    assert X.shape == ((size // 2, size) if name == "text" else (size, size))
    assert X.dtype == np.float32
    assert 0 <= X.min() and X.max() == pytest.approx(1)
    if not (name == "text" and size < 32):  # tiny anti-aliased text has no pure black pixel
        assert X.min() == pytest.approx(0, abs=0.05)
    assert not X.flags.writeable  # cached and shared: read-only
    assert images.synthetic(name, size) is X


def test_synthetic_shapes_have_their_edges_where_expected():
    step = images.synthetic("step", 10)
    assert (step[:, :5] == 1).all() and (step[:, 5:] == 0).all()
    disc = images.synthetic("disc", 64)
    assert disc[32, 32] == 0 and disc[0, 0] == 1 and (disc == disc.T).all()
    stripes = images.synthetic("stripes", 64)
    assert (stripes == stripes[0]).all() and len(np.unique(stripes[0])) == 2
    text = images.synthetic("text", 128)
    assert 0.02 < (text < 0.5).mean() < 0.5  # some ink, mostly paper


@pytest.mark.parametrize("bad", [("blob", 64), ("step", 2), ("step", 5000), ("step", 3.5)])
def test_synthetic_refuses_bad_arguments(bad):
    with pytest.raises(ValueError):
        images.synthetic(*bad)


# --- uploads that work ----------------------------------------------------------

def test_8bit_png_gray_values():
    a = np.array([[0, 51, 255], [255, 102, 0]], dtype=np.uint8)
    d = decode_upload(encode(Image.fromarray(a), "PNG"))
    np.testing.assert_allclose(d.pixels, a / 255, atol=1e-6)
    assert d.pixels.dtype == np.float32 and d.format == "PNG" and d.mode == "L"
    assert d.original_size == (2, 3) and not d.downscaled and not d.animated


def test_16bit_png_keeps_its_precision():
    a = np.array([[0, 1000, 40000, 65535]], dtype=np.uint16)
    raw = encode(Image.fromarray(a), "PNG")
    assert Image.open(io.BytesIO(raw)).mode.startswith("I;16")
    d = decode_upload(raw)
    np.testing.assert_allclose(d.pixels, a / 65535, atol=1e-6)
    assert d.pixels[0, 1] != 0  # 1000/65535 would be 4/255 after a cut to 8 bits; it is exact here


def test_rgb_png_uses_luma():
    rgb = np.zeros((1, 3, 3), np.uint8)
    rgb[0, 0] = (255, 0, 0)
    rgb[0, 1] = (0, 255, 0)
    rgb[0, 2] = (0, 0, 255)
    d = decode_upload(encode(Image.fromarray(rgb), "PNG"))
    np.testing.assert_allclose(d.pixels[0], [0.299, 0.587, 0.114], atol=1e-4)


def test_rgba_transparent_is_white():
    rgba = np.zeros((1, 3, 4), np.uint8)
    rgba[0, 0] = (0, 0, 0, 0)  # fully transparent black: background shows, white
    rgba[0, 1] = (0, 0, 0, 255)  # opaque black
    rgba[0, 2] = (0, 0, 0, 128)  # half
    d = decode_upload(encode(Image.fromarray(rgba), "PNG"))
    np.testing.assert_allclose(d.pixels[0], [1, 0, 1 - 128 / 255], atol=1e-4)
    assert d.mode == "RGBA"


def test_palette_png():
    img = Image.new("P", (4, 2))
    img.putpalette([255, 255, 255, 0, 0, 0] + [0] * (254 * 3))
    img.putdata([0, 1, 1, 0, 1, 0, 0, 1])
    d = decode_upload(encode(img, "PNG"))
    assert d.mode == "P"
    np.testing.assert_allclose(d.pixels, [[1, 0, 0, 1], [0, 1, 1, 0]], atol=1e-6)


def test_palette_with_transparency():
    img = Image.new("P", (2, 1))
    img.putpalette([0, 0, 0, 0, 0, 0] + [0] * (254 * 3))
    img.putdata([0, 1])
    d = decode_upload(encode(img, "PNG", transparency=0))
    np.testing.assert_allclose(d.pixels, [[1, 0]], atol=1e-6)


def test_cmyk_jpeg():
    img = Image.new("CMYK", (16, 8), (0, 0, 0, 0))  # white paper
    img.paste((0, 0, 0, 255), (8, 0, 16, 8))  # full black ink on the right
    raw = encode(img, "JPEG", quality=95)
    assert Image.open(io.BytesIO(raw)).mode == "CMYK"
    d = decode_upload(raw)
    assert d.format == "JPEG" and d.mode == "CMYK"
    assert d.pixels[:, :6].mean() > 0.95 and d.pixels[:, 10:].mean() < 0.05


def test_animated_gif_gives_first_frame():
    white = Image.new("L", (8, 6), 255)
    black = Image.new("L", (8, 6), 0)
    gray = Image.new("L", (8, 6), 128)
    raw = encode(white, "GIF", save_all=True, append_images=[black, gray], duration=100, loop=0)
    assert Image.open(io.BytesIO(raw)).n_frames == 3
    d = decode_upload(raw)
    assert d.animated and d.format == "GIF"
    np.testing.assert_allclose(d.pixels, np.ones((6, 8)), atol=1e-6)


def test_exif_orientation_is_applied():
    # Stored 40 wide x 20 high: black left half, white right half. Orientation 6
    # says "rotate 90° clockwise to display": shown 20 wide x 40 high, black on top.
    a = np.full((20, 40), 255, np.uint8)
    a[:, :20] = 0
    img = Image.fromarray(a)
    exif = Image.Exif()
    exif[0x0112] = 6
    raw = encode(img, "JPEG", exif=exif, quality=95)
    assert Image.open(io.BytesIO(raw)).size == (40, 20)
    d = decode_upload(raw)
    assert d.pixels.shape == (40, 20) and d.original_size == (40, 20)
    assert d.pixels[:16].mean() < 0.05 and d.pixels[24:].mean() > 0.95


@pytest.mark.parametrize("fmt", ["BMP", "TIFF", "WEBP", "JPEG", "GIF"])
def test_other_formats(fmt):
    a = np.zeros((10, 12), np.uint8)
    a[:, 6:] = 255
    kw = {"lossless": True} if fmt == "WEBP" else {"quality": 95} if fmt == "JPEG" else {}
    d = decode_upload(encode(Image.fromarray(a).convert("RGB"), fmt, **kw))
    assert d.format == fmt
    np.testing.assert_allclose(d.pixels, a / 255, atol=0.06)


def test_16bit_and_float_tiff():
    a16 = np.array([[0, 32768, 65535]], np.uint16)
    d = decode_upload(encode(Image.fromarray(a16), "TIFF"))
    np.testing.assert_allclose(d.pixels, a16 / 65535, atol=1e-6)
    af = np.array([[0.0, 0.25, 1.0]], np.float32)
    d = decode_upload(encode(Image.fromarray(af), "TIFF"))
    np.testing.assert_allclose(d.pixels, af, atol=1e-6)
    wide = np.array([[-2.0, 0.0, 2.0]], np.float32)  # outside [0, 1]: stretched
    d = decode_upload(encode(Image.fromarray(wide), "TIFF"))
    np.testing.assert_allclose(d.pixels, [[0, 0.5, 1]], atol=1e-6)


def test_large_upload_is_downscaled_to_512():
    a = np.zeros((600, 1024), np.uint8)
    a[:, 512:] = 255
    d = decode_upload(encode(Image.fromarray(a), "PNG"))
    assert d.pixels.shape == (300, 512) and d.original_size == (600, 1024) and d.downscaled
    assert 0 <= d.pixels.min() and d.pixels.max() <= 1
    assert d.pixels[:, :250].max() < 0.01 and d.pixels[:, 262:].min() > 0.99


def test_file_object_and_result_is_read_only():
    raw = encode(Image.new("L", (3, 3), 128), "PNG")
    d = decode_upload(io.BytesIO(raw))
    assert not d.pixels.flags.writeable
    np.testing.assert_allclose(d.pixels, 128 / 255, atol=1e-6)


# --- uploads that are refused -----------------------------------------------

def refused(data, kind):
    with pytest.raises(ImageError) as e:
        decode_upload(data)
    assert e.value.kind == kind
    assert isinstance(e.value, ValueError)
    assert "upload" in str(e.value) or "scale it down" in str(e.value)
    return e.value


def test_truncated_png():
    rng = np.random.default_rng(0)
    raw = encode(Image.fromarray(rng.integers(0, 256, (64, 64), dtype=np.uint8)), "PNG")
    refused(raw[: len(raw) // 2], "damaged")


def test_truncated_jpeg():
    rng = np.random.default_rng(1)
    raw = encode(Image.fromarray(rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)), "JPEG")
    refused(raw[: len(raw) // 2], "damaged")


def test_text_file_named_png():
    refused(b"This is a note, not a picture.\n" * 10, "not_image")


def test_pdf_renamed_png():
    refused(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "not_image")


def test_format_outside_the_list_is_refused():
    refused(encode(Image.new("L", (4, 4), 0), "PPM"), "not_image")


def test_empty_file():
    refused(b"", "empty")


def test_40000_by_40000_png_is_refused_before_decoding(no_decoding):
    raw = png_claiming(40000, 40000)
    assert len(raw) < 200  # tiny on disk
    err = refused(raw, "bomb")  # so many pixels that Pillow itself will not open it
    assert err.details["limit"] == images.MAX_PIXELS


def test_pixel_bound_is_checked_before_decoding(no_decoding):
    # 30 megapixels: under Pillow's own bomb limit, over ConvLab's.
    err = refused(png_claiming(6000, 5000), "too_large")
    assert (err.details["width"], err.details["height"]) == (6000, 5000)
    assert "6000x5000" in str(err)


def test_picture_with_values_that_are_not_finite():
    raw = encode(Image.fromarray(np.array([[0.0, np.nan, 1.0]], np.float32)), "TIFF")
    refused(raw, "damaged")


def test_colour_mode_without_gray(monkeypatch):
    # No file Pillow 13 opens has such a mode; the decoder still says so if one does.
    def no_conversion(self, *a, **k):
        raise ValueError(f"conversion from {self.mode} not supported")
    monkeypatch.setattr(Image.Image, "convert", no_conversion)
    err = refused(encode(Image.new("RGB", (4, 4)), "PNG"), "mode")
    assert err.details == {"mode": "RGB"}


def test_an_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown ImageError kind"):
        ImageError("too_big", "...")


def test_custom_pixel_bound():
    raw = encode(Image.new("L", (100, 100)), "PNG")
    with pytest.raises(ImageError) as e:
        decode_upload(raw, max_pixels=5000)
    assert e.value.kind == "too_large"


# --- every way an upload fails has its message ----------------------------------

def failing_uploads(monkeypatch):
    """One upload per way to fail, as (file name, bytes), and the kind each must raise."""
    rng = np.random.default_rng(0)
    cut = encode(Image.fromarray(rng.integers(0, 256, (64, 64), dtype=np.uint8)), "PNG")
    yield ("empty.png", b""), "empty"
    yield ("notes.png", b"This is a note, not a picture.\n" * 10), "not_image"
    yield ("photo.ppm", encode(Image.new("L", (4, 4)), "PPM")), "not_image"
    yield ("big.png", png_claiming(6000, 5000)), "too_large"
    yield ("huge.png", png_claiming(40000, 40000)), "bomb"
    yield ("cut.png", cut[: len(cut) // 2]), "damaged"
    yield ("nan.tif", encode(Image.fromarray(np.array([[np.nan]], np.float32)), "TIFF")), "damaged"
    with monkeypatch.context() as m:
        m.setattr(Image.Image, "convert", lambda self, *a, **k: (_ for _ in ()).throw(ValueError("no")))
        yield ("odd.png", encode(Image.new("RGB", (2, 2)), "PNG")), "mode"


def test_every_kind_the_decoder_raises_has_a_message_in_both_languages(monkeypatch):
    from convlab.edges import upload_error_message
    from convlab.text import CATALOG, LANGS

    raised = set()
    for (name, data), kind in failing_uploads(monkeypatch):
        with pytest.raises(ImageError) as e:
            decode_upload(data)
        assert e.value.kind == kind, name
        raised.add(kind)
        for lang in LANGS:
            message = upload_error_message(e.value, name, lang)
            assert name in message and "{" not in message, (kind, lang, message)
        if kind == "too_large":
            assert "6000×5000" in message and "25,000,000" in message
    translated = {key.removeprefix("edges.err.") for key in CATALOG if key.startswith("edges.err.")}
    assert raised == set(ImageError.KINDS) == translated


# --- decoded once per file ---------------------------------------------------------

class FakeUpload:
    """What Streamlit's uploader gives: a file id and the bytes; counts the reads."""

    def __init__(self, file_id, data):
        self.file_id, self.data, self.reads = file_id, data, 0

    def getvalue(self):
        self.reads += 1
        return self.data


def test_an_upload_is_decoded_once_per_file():
    from convlab.edges import decode_once

    memo = {}
    assert decode_once(memo, None) == (None, None) and memo == {}
    a = np.array([[0, 255]], np.uint8)
    good = FakeUpload("f1", encode(Image.fromarray(a), "PNG"))
    for _ in range(3):  # reruns of the page
        decoded, error = decode_once(memo, good)
        assert error is None
        np.testing.assert_allclose(decoded.pixels, a / 255, atol=1e-6)
    assert good.reads == 1
    bad = FakeUpload("f2", b"not a picture")
    for _ in range(2):
        decoded, error = decode_once(memo, bad)
        assert decoded is None and error.kind == "not_image"
    assert bad.reads == 1
    assert decode_once(memo, good)[0] is not None and good.reads == 2  # another file came in between


# --- downloads -----------------------------------------------------------

def test_png_download_signed_and_unsigned():
    Y = np.array([[0.0, 1.0, -1.0], [0.5, 0.0, 0.0]])
    back = np.asarray(Image.open(io.BytesIO(images.png_bytes(Y))))
    assert back.dtype == np.uint8 and back.shape == (2, 3)
    assert back.tolist() == [[128, 255, 0], [191, 128, 128]]
    M = np.array([[0.0, 2.0], [1.0, 0.0]])
    assert np.asarray(Image.open(io.BytesIO(images.png_bytes(M)))).tolist() == [[0, 255], [128, 0]]
    assert images.to_uint8(np.zeros((2, 2))).tolist() == [[0, 0], [0, 0]]


def test_npy_download_round_trip():
    Y = np.arange(12, dtype=np.float32).reshape(3, 4) - 5
    back = np.load(io.BytesIO(images.npy_bytes(Y)), allow_pickle=False)
    np.testing.assert_array_equal(back, Y)
    assert back.dtype == np.float32


# --- the camera: its photo goes through the same decoder and limits -------------------

def camera_jpeg(width: int, height: int) -> bytes:
    """A photo as st.camera_input hands it over: an RGB JPEG, here dark on the left, light on the right."""
    rgb = np.zeros((height, width, 3), np.uint8)
    rgb[:, width // 2:] = (230, 220, 200)
    return encode(Image.fromarray(rgb), "JPEG", quality=90)


@pytest.mark.parametrize("width, height, shape", [(640, 480, (384, 512)), (1280, 720, (288, 512)),
                                                  (1920, 1080, (288, 512)), (320, 240, (240, 320))])
def test_a_camera_photo_is_decoded_like_an_upload(width, height, shape):
    d = decode_upload(camera_jpeg(width, height))
    assert d.format == "JPEG" and d.mode == "RGB" and not d.animated
    assert d.original_size == (height, width) and d.pixels.shape == shape  # the size taken, not the JPEG draft's
    assert d.downscaled == (shape != (height, width))
    assert d.pixels[:, : shape[1] // 3].max() < 0.05 and d.pixels[:, -shape[1] // 3:].min() > 0.8


def test_a_camera_photo_beyond_the_pixel_bound_is_refused_before_decoding(monkeypatch):
    raw = camera_jpeg(64, 48)
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda *a, **k: pytest.fail("pixels were decoded"))
    with pytest.raises(ImageError) as e:
        decode_upload(raw, max_pixels=1000)
    assert e.value.kind == "too_large"


def test_the_latest_of_upload_and_photo_is_used_and_decoded_once():
    from convlab.edges import SOURCE, choose_picture, decode_once, remember_source

    memo = {}
    up = FakeUpload("u1", encode(Image.new("L", (4, 3), 0), "PNG"))
    cam = FakeUpload("c1", camera_jpeg(64, 48))
    assert choose_picture(memo, None, None) == (None, None)
    assert choose_picture(memo, up, None) == (up, "upload")
    assert choose_picture(memo, None, cam) == (cam, "camera")
    remember_source(memo, "upload")
    remember_source(memo, "camera")  # the photo came last
    assert memo[SOURCE] == "camera" and choose_picture(memo, up, cam) == (cam, "camera")
    decoded, error = decode_once(memo, choose_picture(memo, up, cam)[0])
    assert error is None and decoded.pixels.shape == (48, 64)
    remember_source(memo, "upload")  # then a new upload
    picture, source = choose_picture(memo, up, cam)
    assert source == "upload" and decode_once(memo, picture)[0].pixels.shape == (3, 4)
    assert choose_picture(memo, None, cam) == (cam, "camera")  # the upload removed: the photo again
    assert (up.reads, cam.reads) == (1, 1)
    with pytest.raises(ValueError, match="source must be one of upload, camera"):
        remember_source(memo, "scanner")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_photo_is_named_as_a_photo(lang):
    from types import SimpleNamespace

    from convlab.edges import picture_caption, picture_name, upload_error_message
    from convlab.text import t

    photo = SimpleNamespace(name="image.jpg")
    d = decode_upload(camera_jpeg(640, 480))
    assert picture_caption(d, photo, "camera", lang) == t("edges.camera_using", lang, h=384, w=512)
    assert "image.jpg" not in picture_caption(d, photo, "camera", lang)
    assert "image.jpg" in picture_caption(d, photo, "upload", lang)
    name = picture_name(photo, "camera", lang)
    assert name == t("edges.camera_name", lang)
    with pytest.raises(ImageError) as e:
        decode_upload(b"\xff\xd8\xff not really a jpeg")
    assert name in upload_error_message(e.value, name, lang)


@pytest.mark.parametrize("orientation, original, shape", [(1, (3000, 4000), (384, 512)), (6, (4000, 3000), (512, 384))])
def test_a_big_jpeg_reports_its_own_size_not_its_draft_size(orientation, original, shape):
    # Issue 14: a 4000x3000 photo was reported at the size its JPEG draft decoded (500x375), and its
    # "scaled down from" note was wrong. The size comes from the header, turned with the EXIF orientation.
    exif = Image.Exif()
    exif[0x0112] = orientation
    raw = encode(Image.new("RGB", (4000, 3000), (200, 100, 50)), "JPEG", exif=exif, quality=50)
    d = decode_upload(raw)
    assert d.original_size == original and d.pixels.shape == shape and d.downscaled
