"""Kernel (卷积核) presets and edge detection with them.

Every preset is a cross-correlation (互相关运算) kernel (as ``corr2d`` uses
it, no flip), written row by row: blurs, sharpen, Laplacian, emboss and the
x and y kernels of the Sobel and Prewitt gradient operators. The chapter's
edge detector ``[1, -1]`` comes first: it answers 1 where white (1) meets
black (0) going right, -1 for black to white. :func:`detect` cross-correlates
an image with a kernel and, for a gradient operator, adds the gradient
magnitude (:func:`gradient_magnitude`).

>>> preset("seed").tolist()
[[1.0, -1.0]]
>>> preset("sobel_x").tolist()
[[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]
>>> gradient_pair("prewitt_y")
('prewitt_x', 'prewitt_y')
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ._geometry import output_shape
from ._ops import as_matrix, corr2d

__all__ = [
    "Preset",
    "PRESETS",
    "PRESET_NAMES",
    "CUSTOM",
    "preset",
    "gradient_pair",
    "gradient_magnitude",
    "EdgeResult",
    "detect",
]

CUSTOM = "custom"


@dataclass(frozen=True)
class Preset:
    """A named kernel (卷积核): integer values times an exact scale.

    Frozen; the presets are in :data:`PRESETS`.

    Attributes
    ----------
    name : str
        The key in :data:`PRESETS` (``"seed"``, ``"sobel_x"``, ...).
    values : tuple of tuple of int
        The kernel's rows, before ``scale``.
    scale : fractions.Fraction
        Multiplies ``values``, e.g. 1/16 for the Gaussian blur. Default 1.
    pair : (str, str) or None
        For one direction of a gradient operator (Sobel, Prewitt), the names
        of its x and y kernels, so the gradient magnitude can be computed;
        None otherwise.
    kernel : ndarray of float64, shape (len(values), len(values[0]))
        ``values * scale`` as a new array (a property).

    See Also
    --------
    preset : a preset's kernel by name.
    gradient_pair : ``pair`` by name.

    Examples
    --------
    >>> p = PRESETS["gaussian_blur"]
    >>> p.scale, p.pair, float(p.kernel.sum())
    (Fraction(1, 16), None, 1.0)
    >>> PRESETS["sobel_y"].pair
    ('sobel_x', 'sobel_y')
    """

    name: str
    values: tuple[tuple[int, ...], ...]
    scale: Fraction = Fraction(1)
    pair: tuple[str, str] | None = None

    @property
    def kernel(self) -> np.ndarray:
        """``values * scale`` as a new float64 array."""
        return np.array(self.values, dtype=np.float64) * float(self.scale)


def _presets(*items: Preset) -> dict[str, Preset]:
    return {p.name: p for p in items}


_SOBEL = ("sobel_x", "sobel_y")
_PREWITT = ("prewitt_x", "prewitt_y")

PRESETS: dict[str, Preset] = _presets(
    Preset("seed", ((1, -1),)),
    Preset("identity", ((0, 0, 0), (0, 1, 0), (0, 0, 0))),
    Preset("box_blur", ((1, 1, 1), (1, 1, 1), (1, 1, 1)), Fraction(1, 9)),
    Preset("gaussian_blur", ((1, 2, 1), (2, 4, 2), (1, 2, 1)), Fraction(1, 16)),
    Preset("sharpen", ((0, -1, 0), (-1, 5, -1), (0, -1, 0))),
    Preset("sobel_x", ((-1, 0, 1), (-2, 0, 2), (-1, 0, 1)), pair=_SOBEL),
    Preset("sobel_y", ((-1, -2, -1), (0, 0, 0), (1, 2, 1)), pair=_SOBEL),
    Preset("prewitt_x", ((-1, 0, 1), (-1, 0, 1), (-1, 0, 1)), pair=_PREWITT),
    Preset("prewitt_y", ((-1, -1, -1), (0, 0, 0), (1, 1, 1)), pair=_PREWITT),
    Preset("laplacian", ((0, 1, 0), (1, -4, 1), (0, 1, 0))),
    Preset("emboss", ((-2, -1, 0), (-1, 1, 1), (0, 1, 2))),
)

PRESET_NAMES: tuple[str, ...] = (*PRESETS, CUSTOM)


def preset(name: str) -> np.ndarray:
    """The kernel (卷积核) of preset ``name`` as a new float64 array.

    Parameters
    ----------
    name : str
        A key of :data:`PRESETS` (not :data:`CUSTOM`, which has no kernel).

    Returns
    -------
    ndarray of float64, 2-D
        ``PRESETS[name].kernel``: a new array, safe to modify.

    Raises
    ------
    ValueError
        ``name`` is not a preset; the message lists the presets.

    See Also
    --------
    PRESETS : the presets themselves (values, scale, gradient pair).
    detect : cross-correlates an image with a kernel.

    Examples
    --------
    >>> preset("laplacian").tolist()
    [[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]
    >>> preset("sobel")
    Traceback (most recent call last):
    ...
    ValueError: unknown kernel preset 'sobel'; choose one of seed, identity, box_blur, gaussian_blur, sharpen, sobel_x, sobel_y, prewitt_x, prewitt_y, laplacian, emboss
    """
    try:
        return PRESETS[name].kernel
    except KeyError:
        raise ValueError(f"unknown kernel preset {name!r}; choose one of {', '.join(PRESETS)}") from None


def gradient_pair(name: str) -> tuple[str, str] | None:
    """The x and y kernels' names when ``name`` is one direction of a gradient operator.

    Parameters
    ----------
    name : str
        Any string; names that are not presets are allowed.

    Returns
    -------
    (x_name, y_name) : tuple of str, or None
        ``("sobel_x", "sobel_y")`` for either Sobel kernel, likewise for
        Prewitt; None for every other name (including unknown ones).

    See Also
    --------
    gradient_magnitude : combines the two directions.
    Preset : its ``pair`` attribute.

    Examples
    --------
    >>> gradient_pair("sobel_x")
    ('sobel_x', 'sobel_y')
    >>> gradient_pair("laplacian") is None
    True
    """
    p = PRESETS.get(name)
    return p.pair if p else None


def gradient_magnitude(X, Kx, Ky, padding="valid") -> np.ndarray:
    """Gradient magnitude ``sqrt(Gx**2 + Gy**2)`` from an x and a y kernel.

    ``Gx = corr2d(X, Kx, padding=padding)`` and ``Gy = corr2d(X, Ky,
    padding=padding)`` are cross-correlations (互相关运算), e.g. with the
    Sobel or Prewitt kernels.

    Parameters
    ----------
    X : array_like, 2-D
        The image, real and finite.
    Kx, Ky : array_like, 2-D
        The x and y kernels (卷积核); they must give outputs of one shape
        (in practice: have one shape).
    padding : optional
        As for :func:`convcore.corr2d`, used for both. Default ``"valid"``.

    Returns
    -------
    ndarray, shape (H, W)
        ``np.hypot(Gx, Gy)``, a new array; ``(H, W)`` is
        ``convcore.output_shape(X.shape, Kx.shape, padding)``. float64
        unless ``X``, ``Kx`` and ``Ky`` are all float32.

    Raises
    ------
    ValueError
        ``Gx`` and ``Gy`` have different shapes, or anything
        :func:`convcore.corr2d` refuses (bad arrays, bad padding, a kernel
        that does not fit).

    See Also
    --------
    gradient_pair : the x and y presets of an operator.
    detect : adds this magnitude for a gradient preset.
    convcore.corr2d : the cross-correlation.

    Notes
    -----
    ``np.hypot`` avoids overflow in the squares.

    Examples
    --------
    >>> gradient_magnitude([[0, 3], [4, 4]], [[-1, 1], [0, 0]], [[-1, 0], [1, 0]]).tolist()
    [[5.0]]
    >>> gradient_magnitude(np.ones((4, 4)), [[1, -1]], [[1], [-1]])
    Traceback (most recent call last):
    ...
    ValueError: the x and y kernels give outputs of different shapes (4, 3) and (3, 4); use kernels of one shape
    """
    Gx = corr2d(X, Kx, padding=padding)
    Gy = corr2d(X, Ky, padding=padding)
    if Gx.shape != Gy.shape:
        raise ValueError(f"the x and y kernels give outputs of different shapes {Gx.shape} and {Gy.shape}; use kernels of one shape")
    return np.hypot(Gx, Gy)


@dataclass(frozen=True)
class EdgeResult:
    """The result of :func:`detect`: the response map and what is derived from it.

    Frozen.

    Attributes
    ----------
    signed : ndarray, 2-D
        The cross-correlation (互相关运算) of the image with the kernel, signs
        kept (e.g. 1 for white to black, -1 for black to white with ``[1, -1]``).
    shown : ndarray, 2-D
        ``signed`` itself, or ``np.abs(signed)`` (a new array) when
        :func:`detect` was called with ``absolute=True``.
    magnitude : ndarray or None
        The gradient magnitude of the preset's operator (Sobel, Prewitt), or
        None for other kernels.
    all_zero : bool
        Whether ``signed`` is zero everywhere (no edge found; a property).

    See Also
    --------
    detect : makes these.

    Examples
    --------
    >>> detect(np.ones((3, 3)), [[1, -1]]).all_zero
    True
    """

    signed: np.ndarray
    shown: np.ndarray
    magnitude: np.ndarray | None

    @property
    def all_zero(self) -> bool:
        """Whether ``signed`` is zero everywhere."""
        return not np.any(self.signed)


def detect(X, K, padding="valid", *, absolute=False, preset_name: str | None = None) -> EdgeResult:
    """Edge detection: cross-correlate (互相关运算) image ``X`` with kernel ``K``.

    Parameters
    ----------
    X : array_like, 2-D
        The image, real and finite (e.g. white 1, black 0).
    K : array_like, 2-D
        The kernel (卷积核), real and finite.
    padding : {'valid', 'same'}, optional
        ``"valid"``: no padding (填充); ``"same"``: TensorFlow's zero padding,
        the output as large as ``X``. Default ``"valid"``.
    absolute : bool, optional
        Make ``.shown`` the absolute value, so both edge directions show
        alike. Keyword-only. Default False.
    preset_name : str or None, optional
        The preset ``K`` came from; for a gradient operator (Sobel, Prewitt)
        ``.magnitude`` is computed from its x and y presets. Keyword-only.

    Returns
    -------
    EdgeResult
        ``.signed = corr2d(X, K, padding=padding)``, ``.shown`` and
        ``.magnitude``. The shape is ``(h - kh + 1, w - kw + 1)`` for
        ``"valid"`` and ``X``'s ``(h, w)`` for ``"same"``.

    Raises
    ------
    ValueError
        ``X`` or ``K`` is not a non-empty 2-D array of finite real numbers
        (the messages call them "the image" and "the kernel"); ``padding`` is
        neither ``"valid"`` nor ``"same"``; with ``"valid"``, ``K`` is taller
        or wider than ``X`` (the message says what to change).

    See Also
    --------
    convcore.corr2d : the cross-correlation itself.
    gradient_magnitude : the magnitude for a gradient operator.
    preset : the preset kernels.
    tf.nn.conv2d : the same with ``padding="VALID"`` or ``"SAME"``.

    Notes
    -----
    ``.magnitude`` uses the preset's own x and y kernels, not ``K``; with
    ``absolute=False``, ``.shown`` is ``.signed`` itself (the same array).

    Examples
    --------
    The chapter's edge detector on white-black-white stripes:

    >>> X = [[1, 1, 0, 0, 0, 0, 1, 1]] * 2
    >>> detect(X, [[1, -1]]).signed.tolist()
    [[0.0, 1.0, 0.0, 0.0, 0.0, -1.0, 0.0], [0.0, 1.0, 0.0, 0.0, 0.0, -1.0, 0.0]]
    >>> detect(X, [[1, -1]], absolute=True).shown[0].tolist()
    [0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0]
    >>> r = detect(np.eye(4), preset("sobel_x"), "same", preset_name="sobel_x")
    >>> r.signed.shape, r.magnitude.shape
    ((4, 4), (4, 4))
    >>> detect([[1, 0]], np.ones((3, 3)))
    Traceback (most recent call last):
    ...
    ValueError: the kernel 3x3 does not fit in the image 1x2; choose 'same' padding, a smaller kernel or a larger image
    >>> detect(X, [[1, -1]], "full")
    Traceback (most recent call last):
    ...
    ValueError: padding must be 'valid' or 'same', not 'full'
    """
    X = as_matrix(X, "the image")
    K = as_matrix(K, "the kernel")
    if padding not in ("valid", "same"):
        raise ValueError(f"padding must be 'valid' or 'same', not {padding!r}")
    if padding == "valid" and (K.shape[0] > X.shape[0] or K.shape[1] > X.shape[1]):
        raise ValueError(
            f"the kernel {K.shape[0]}x{K.shape[1]} does not fit in the image {X.shape[0]}x{X.shape[1]}; "
            "choose 'same' padding, a smaller kernel or a larger image"
        )
    Y = corr2d(X, K, padding=padding)
    pair = gradient_pair(preset_name) if preset_name else None
    M = gradient_magnitude(X, preset(pair[0]), preset(pair[1]), padding) if pair else None
    return EdgeResult(Y, np.abs(Y) if absolute else Y, M)


