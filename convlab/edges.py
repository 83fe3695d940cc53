"""The edge page's logic: the controls' choices (which preset, whether this is
the chapter's own example), the learner's own picture (an upload or a camera
photo, the later of the two) decoded once per file and its error as a
sentence in the learner's language, why an output is all zeros, kernels
written out for labels, and the code that computes what the page shows
(presets and detection are :mod:`convcore.kernels`, decoding is
:mod:`convlab.images`)."""
from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass

import numpy as np

import convcore
from convcore.kernels import CUSTOM, PRESETS, EdgeResult, detect as _detect, gradient_pair, preset

from . import codegen, images, stepper
from .fmt import num, quoted
from .text import t

__all__ = ["MAX_CUSTOM", "Setup", "preset_label", "decode_once", "remember_source", "choose_picture",
           "picture_name", "picture_caption", "upload_error_message", "ZeroCase", "zero_case", "zero_message", "kernel_text",
           "code_snippets", "detect", "pad_mode_problem", "BorderStats", "border_stats", "border_caption"]

MAX_CUSTOM = 7  # the custom kernel's editor allows up to 7x7
DECODED = "_edges.decoded"  # where decode_once keeps the last upload's result
SOURCE = "_edges.source"  # which of the learner's pictures came last: "upload" or "camera"
SOURCES = ("upload", "camera")


@dataclass(frozen=True)
class Setup:
    """What the page's controls chose (the picture itself and the kernel's values aside).

    >>> Setup().is_chapter_example, Setup(kt=True).is_chapter_example
    (True, False)
    >>> Setup(kernel="custom").preset_name is None, Setup(kernel="sobel_x").preset_name
    (True, 'sobel_x')
    """

    image: str = "seed"  # the built-in picture's name
    uploaded: bool = False  # an upload replaces the built-in picture
    transpose: bool = False  # the picture transposed (X^T)
    kernel: str = "seed"  # a preset's name, or CUSTOM
    kt: bool = False  # the kernel transposed (K^T)
    padding: str = "valid"
    absolute: bool = False  # |Y| instead of Y
    pad_mode: str = "zeros"  # what "same" pads with (convcore.PAD_MODES)

    @property
    def preset_name(self) -> str | None:
        """The preset's name, None for a custom kernel."""
        return None if self.kernel == CUSTOM else self.kernel

    @property
    def seed_image(self) -> bool:
        """The chapter's 6x8 picture is the input (before any transposition)."""
        return not self.uploaded and self.image == "seed"

    @property
    def is_chapter_example(self) -> bool:
        """Exactly the chapter's experiment: its picture and K = [1, -1], nothing
        transposed, the signed output."""
        return self.seed_image and self.kernel == "seed" and not (self.transpose or self.kt or self.absolute)

    def oriented(self, X, K):
        """The picture and the kernel as they are cross-correlated: transposed
        where the setup says so (``K`` may be None: a custom kernel with a bad cell).

        >>> X, K = Setup(transpose=True).oriented([[1, 2, 3]], [[1, -1]])
        >>> X.tolist(), K.tolist()
        ([[1], [2], [3]], [[1, -1]])
        """
        X = np.asarray(X)
        K = None if K is None else np.asarray(K)
        return (X.T if self.transpose else X), (K.T if self.kt and K is not None else K)

    def code(self, image_shape, K) -> tuple[str, str]:
        """(TensorFlow code, convcore code) for this setup: :func:`code_snippets`
        for a ``image_shape`` picture (before transposition) and the kernel ``K`` shown."""
        return code_snippets(image_shape, K, self.padding, seed_image=self.seed_image,
                             transpose_image=self.transpose, absolute=self.absolute, preset_name=self.preset_name,
                             pad_mode=self.pad_mode)


def detect(X, K, padding="valid", pad_mode="zeros", *, absolute=False, preset_name=None) -> EdgeResult:
    """:func:`convcore.kernels.detect` with ``"same"`` padding of any
    ``pad_mode``: the picture padded as ``corr2d(..., padding="same",
    pad_mode=pad_mode)`` pads it, then detected without more padding (the
    gradient magnitude likewise). Raises ``ValueError`` as ``detect`` does,
    or when the picture is too small for the mode (:func:`pad_mode_problem`).

    >>> X = np.ones((3, 5)); X[:, 1:3] = 0
    >>> detect(X, [[1, -1]], "same").signed[:, 4].tolist(), detect(X, [[1, -1]], "same", "reflect").signed[:, 4].tolist()
    ([1.0, 1.0, 1.0], [0.0, 0.0, 0.0])
    """
    if padding != "same" or pad_mode == "zeros":
        return _detect(X, K, padding, absolute=absolute, preset_name=preset_name)
    X, K = np.asarray(X, dtype=float), np.asarray(K, dtype=float)
    pads = convcore.pad_amounts(X.shape, K.shape, "same")
    src = convcore.pad_source(X.shape, pads, pad_mode)
    return _detect(X[src[..., 0], src[..., 1]], K, "valid", absolute=absolute, preset_name=preset_name)


def pad_mode_problem(X_shape, K_shape, pad_mode) -> tuple[str, dict] | None:
    """Why ``pad_mode`` cannot pad this picture to ``"same"`` size (the step
    page's words, :func:`convlab.stepper.pad_problem`), or None."""
    return stepper.pad_problem(X_shape, K_shape, "same", 1, 1, pad_mode)


@dataclass(frozen=True)
class BorderStats:
    """Mean |output| on the border (the output cells whose window reaches into
    the padding) with zero padding and with ``mode``, and inside it."""

    cells: int  # border cells
    zeros: float
    mode: str
    other: float
    interior: float | None  # None: every cell is on the border


def border_stats(X, K, pad_mode="zeros") -> BorderStats | None:
    """Zero padding's border against ``pad_mode``'s (reflect's when ``pad_mode``
    is zeros) for ``"same"`` padding; None when nothing is padded.

    >>> X = np.ones((6, 8)); X[:, 2:6] = 0
    >>> border_stats(X, [[1, -1]], "zeros")
    BorderStats(cells=6, zeros=1.0, mode='reflect', other=0.0, interior=0.2857142857142857)
    """
    X, K = np.asarray(X, dtype=float), np.asarray(K, dtype=float)
    (t_, b), (l, r) = convcore.pad_amounts(X.shape, K.shape, "same")
    border = np.zeros(X.shape, bool)
    border[:t_], border[X.shape[0] - b:], border[:, :l], border[:, X.shape[1] - r:] = True, True, True, True
    if not border.any():
        return None
    mode = "reflect" if pad_mode == "zeros" else pad_mode
    if pad_mode_problem(X.shape, K.shape, mode):
        return None
    Z = np.abs(convcore.corr2d(X, K, padding="same"))
    O = np.abs(convcore.corr2d(X, K, padding="same", pad_mode=mode))
    interior = float(Z[~border].mean()) if (~border).any() else None
    return BorderStats(int(border.sum()), float(Z[border].mean()), mode, float(O[border].mean()), interior)


def border_caption(stats: BorderStats, lang: str) -> str:
    """One sentence: the border's mean |output| with zeros and with the mode, against the interior's."""
    inside = t("edges.border_inside", lang, v=num(stats.interior)) if stats.interior is not None else ""
    return t("edges.border", lang, cells=stats.cells, zeros=num(stats.zeros), mode=stats.mode,
             other=num(stats.other), inside=inside)


def preset_label(name: str, lang: str) -> str:
    """A preset as the kernel selector lists it: its name and, but for the custom
    kernel, its values.

    >>> preset_label("sobel_x", "en")
    'Sobel x (vertical edges)  [−1 0 1; −2 0 2; −1 0 1]'
    >>> preset_label("custom", "en")
    'Custom (edit the values)'
    """
    return t(f"edges.k.{name}", lang) + ("" if name == CUSTOM else f"  {kernel_text(name)}")


def decode_once(memo: MutableMapping, upload) -> tuple[images.Decoded | None, images.ImageError | None]:
    """``(decoded, error)`` for an uploaded file (an object with ``file_id`` and
    ``getvalue()``, as Streamlit's uploader gives), one of them None; both None
    without an upload.

    The file is decoded once: ``memo`` (the session's state) keeps the result
    for its ``file_id`` under :data:`DECODED`, so reruns reuse it.
    """
    if upload is None:
        return None, None
    cached = memo.get(DECODED)
    if not cached or cached[0] != upload.file_id:
        try:
            cached = (upload.file_id, images.decode_upload(upload.getvalue()), None)
        except images.ImageError as e:
            cached = (upload.file_id, None, e)
        memo[DECODED] = cached
    return cached[1], cached[2]


def remember_source(memo: MutableMapping, source: str) -> None:
    """Note that the learner's ``source`` ("upload" or "camera") changed last
    (the uploader's and the camera's ``on_change``)."""
    if source not in SOURCES:
        raise ValueError(f"source must be one of {', '.join(SOURCES)}, not {source!r}")
    memo[SOURCE] = source


def choose_picture(memo, upload, camera) -> tuple[object | None, str | None]:
    """``(file, source)``: the learner's own picture the page uses, the uploaded
    file or the camera's photo; when both are there, the one that came last
    (:func:`remember_source`), else the upload. ``(None, None)`` without either.

    >>> choose_picture({}, "u", None), choose_picture({}, None, "c"), choose_picture({}, None, None)
    (('u', 'upload'), ('c', 'camera'), (None, None))
    >>> choose_picture({SOURCE: "camera"}, "u", "c"), choose_picture({SOURCE: "upload"}, "u", "c")
    (('c', 'camera'), ('u', 'upload'))
    """
    if upload is not None and camera is not None:
        return (camera, "camera") if memo.get(SOURCE) == "camera" else (upload, "upload")
    if camera is not None:
        return camera, "camera"
    if upload is not None:
        return upload, "upload"
    return None, None


def picture_name(file, source: str, lang: str) -> str:
    """How messages name the learner's picture: "Your photo", or the file's name
    as text (:func:`convlab.fmt.quoted`: a name is the uploader's to choose, and
    never shows as a link, an image, HTML or a formula).

    >>> from types import SimpleNamespace as NS
    >>> picture_name(NS(name="[x](https://e.com).png"), "upload", "en")
    '`[x](https://e.com).png`'
    """
    return t("edges.camera_name", lang) if source == "camera" else quoted(file.name)


def picture_caption(decoded: images.Decoded, file, source: str, lang: str) -> str:
    """The caption under the controls saying which picture is in use and how to go back.

    >>> from types import SimpleNamespace as NS
    >>> d = images.Decoded(np.zeros((384, 512)), (480, 640), "JPEG", "RGB", False)
    >>> picture_caption(d, NS(name="image.jpg"), "camera", "en")[:44]
    'Using your photo from the camera: 384×512 pi'
    """
    h, w = decoded.pixels.shape
    if source == "camera":
        return t("edges.camera_using", lang, h=h, w=w)
    return t("edges.upload_using", lang, name=picture_name(file, source, lang), h=h, w=w)


def upload_error_message(error: images.ImageError, name: str, lang: str) -> str:
    """What went wrong with the upload ``name`` (as :func:`picture_name` writes
    it) and what to upload instead, in ``lang``: the page's message for
    ``error.kind``, filled in from ``error.details``.

    >>> err = images.ImageError("too_large", "...", width=6000, height=5000, limit=25_000_000)
    >>> upload_error_message(err, "`big.png`", "en")[:58]
    '`big.png` has too many pixels (6000×5000); this page decod'
    """
    return t(f"edges.err.{error.kind}", lang, name=name, **error.details)


# --- an all-zero output, explained ---------------------------------------------

_PAIRED = {"sobel_x": "sobel_y", "sobel_y": "sobel_x", "prewitt_x": "prewitt_y", "prewitt_y": "prewitt_x"}


@dataclass(frozen=True)
class ZeroCase:
    """Why a picture and a kernel give an output that is zero everywhere.

    ``kind`` is one of:

    * ``"black"``: the picture is 0 everywhere: every product is 0, whatever the kernel.
    * ``"flat"``: the picture has one value ``value`` everywhere (no edge) and
      the kernel's weights sum to 0.
    * ``"direction"``: the kernel only responds to changes along one direction
      (``sees``: ``"lr"``, left to right, when each of its rows sums to 0;
      ``"tb"``, top to bottom, when each column does) and the picture changes
      only along the other; the transposed kernel would respond.
    * ``"other"``: none of these (e.g. a Laplacian on an even slope).

    >>> zero_case(images.seed_image().T, [[1, -1]])  # the chapter's picture transposed: horizontal edges
    ZeroCase(kind='direction', sees='lr', value=None)
    """

    kind: str
    sees: str | None = None  # "lr" or "tb", for "direction"
    value: float | None = None  # the flat picture's value, for "flat"


def _sums_to_zero(values: np.ndarray, scale: float) -> bool:
    return bool(np.all(np.abs(values) <= 1e-12 * scale))


def zero_case(X, K) -> ZeroCase:
    """Which :class:`ZeroCase` explains why ``X`` cross-correlated with ``K``
    gives 0 everywhere (call it when it does; the kernel as it was applied,
    transposed or not).

    >>> zero_case(np.zeros((4, 4)), [[1, 2]]).kind, zero_case(np.full((4, 4), 0.5), [[1, -1]])
    ('black', ZeroCase(kind='flat', sees=None, value=0.5))
    >>> stripes = np.tile([1.0, 0.0, 0.0, 1.0], (4, 1))  # changes only from left to right
    >>> zero_case(stripes, [[-1, -2, -1], [0, 0, 0], [1, 2, 1]])  # Sobel y sees top-to-bottom changes only
    ZeroCase(kind='direction', sees='tb', value=None)
    >>> zero_case(np.tile([0.0, 1.0, 2.0, 3.0], (4, 1)), [[1, -2, 1]]).kind  # a second difference on a slope
    'other'
    """
    X, K = np.asarray(X, dtype=float), np.asarray(K, dtype=float)
    if np.all(X == X.flat[0]):
        v = float(X.flat[0])
        return ZeroCase("black") if v == 0 else ZeroCase("flat", value=v)
    scale = max(1.0, float(np.abs(K).sum()))
    rows_zero = _sums_to_zero(K.sum(axis=1), scale)  # blind to a picture that changes only from top to bottom
    cols_zero = _sums_to_zero(K.sum(axis=0), scale)  # blind to one that changes only from left to right
    changes_tb_only = bool(np.all(X == X[:, :1]))  # every row one value
    changes_lr_only = bool(np.all(X == X[:1, :]))  # every column one value
    if rows_zero and not cols_zero and changes_tb_only:
        return ZeroCase("direction", sees="lr")
    if cols_zero and not rows_zero and changes_lr_only:
        return ZeroCase("direction", sees="tb")
    return ZeroCase("other")


def zero_message(case: ZeroCase, K, setup: Setup, lang: str) -> str:
    """The explanation of an all-zero output for the learner, in ``lang``: what
    the picture and the kernel ``K`` (as applied) are, and what to change.

    >>> X, K = Setup(transpose=True).oriented(images.seed_image(), [[1, -1]])
    >>> print(zero_message(zero_case(X, K), K, Setup(transpose=True), "en"))  # doctest: +ELLIPSIS
    The output is all zeros. K = [1, −1] only responds to changes from left to right ...
    """
    if case.kind == "black":
        return t("edges.zero.black", lang)
    if case.kind == "flat":
        return t("edges.zero.flat", lang, value=num(case.value))
    if case.kind != "direction":
        return t("edges.zero.other", lang)
    K = np.asarray(K)
    kernel = f"K = {kernel_text(K)}" if K.size <= 9 else "K"
    edges = t("edges.zero.edges_h" if case.sees == "lr" else "edges.zero.edges_v", lang)  # the picture's
    fix = t("edges.zero.untick_kt" if setup.kt else "edges.zero.tick_kt", lang, label=t("edges.kt", lang), edges=edges)
    other = _PAIRED.get(setup.kernel)
    if other and not setup.kt:
        fix += t("edges.zero.or_preset", lang, preset=t(f"edges.k.{other}", lang))
    return t(f"edges.zero.sees_{case.sees}", lang, kernel=kernel, fix=fix)


def kernel_text(name_or_kernel) -> str:
    """A kernel written out for a label: rows in brackets, ``1/16 ×`` for scaled presets.

    >>> kernel_text("seed")
    '[1, −1]'
    >>> kernel_text("gaussian_blur")
    '1/16 × [1 2 1; 2 4 2; 1 2 1]'
    >>> kernel_text([[0.5], [-0.25]])
    '[0.5; −0.25]'
    """
    if isinstance(name_or_kernel, str):
        p = PRESETS[name_or_kernel]
        rows, prefix = p.values, ("" if p.scale == 1 else f"{p.scale} × ")
    else:
        rows, prefix = np.asarray(name_or_kernel, dtype=float).tolist(), ""
    if len(rows) == 1:
        return prefix + "[" + ", ".join(num(v, minus="−") for v in rows[0]) + "]"
    return prefix + "[" + "; ".join(" ".join(num(v, minus="−") for v in r) for r in rows) + "]"


def _tf_matrix(K) -> str:
    rows = np.asarray(K, dtype=float).tolist()
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in r) + "]" for r in rows) + "]"


def code_snippets(image_shape, K, padding="valid", *, seed_image=False, transpose_image=False,
                  absolute=False, preset_name: str | None = None, pad_mode="zeros") -> tuple[str, str]:
    """(TensorFlow code, convcore code) that compute exactly what the page shows."""
    K = np.asarray(K, dtype=float)
    pad_mode = pad_mode if padding == "same" else "zeros"
    conv_padding = "VALID" if pad_mode != "zeros" else padding.upper()  # the TF code has padded X itself
    if seed_image:
        x_lines = ["X = tf.Variable(tf.ones((6, 8)))", "X[:, 2:6].assign(tf.zeros(X[:, 2:6].shape))"]
    else:
        x_lines = [f"# X: your image as a {image_shape[0]}x{image_shape[1]} float array, white 1, black 0"]
    if transpose_image:
        x_lines.append("X = tf.transpose(X)")
    pair = gradient_pair(preset_name) if preset_name else None
    tail = ["Y = tf.abs(Y)"] if absolute else []
    if pair:
        tail += [
            "",
            "# gradient magnitude from the x and y kernels of this operator",
            f"Kx = tf.constant({_tf_matrix(preset(pair[0]))})",
            f"Ky = tf.constant({_tf_matrix(preset(pair[1]))})",
            "conv = lambda k: tf.nn.conv2d(tf.reshape(tf.cast(X, tf.float32), (1, *X.shape, 1)),",
            f"                             tf.reshape(k, (*k.shape, 1, 1)), 1, \"{conv_padding}\")[0, :, :, 0]",
            "magnitude = tf.sqrt(conv(Kx) ** 2 + conv(Ky) ** 2)",
        ]
    tf_text = codegen.tf_code(image_shape if not transpose_image else image_shape[::-1], K.shape, padding,
                              data=[*x_lines, f"K = tf.constant({_tf_matrix(K)})"], after=tail, pad_mode=pad_mode)

    cc_data = ["X = np.ones((6, 8))", "X[:, 2:6] = 0"] if seed_image else ["X = ...  # your image as a 2-D float array"]
    if transpose_image:
        cc_data.append("X = X.T")
    cc_data.append(f"K = np.array({_tf_matrix(K)})")
    cc_tail = ["Y = np.abs(Y)"] if absolute else []
    if pair and pad_mode != "zeros":
        cc_tail += [
            "from convcore.kernels import preset",
            *(f"g{a} = convcore.corr2d(X, preset({n!r}), padding='same', pad_mode={pad_mode!r})"
              for a, n in zip("xy", pair)),
            "magnitude = np.hypot(gx, gy)",
        ]
    elif pair:
        cc_tail += [
            "from convcore.kernels import gradient_magnitude, preset",
            f"magnitude = gradient_magnitude(X, preset({pair[0]!r}), preset({pair[1]!r}), {padding!r})",
        ]
    return tf_text, codegen.convcore_code(padding=padding, numpy=True, data=cc_data, after=cc_tail, pad_mode=pad_mode)
