"""What the padding (填充) cells hold: zeros, a mirror image of the input, or
the input wrapped around.

Shapes only, like ``_geometry``: for every cell of the padded grid, the input
cell whose value it copies (``-1`` for a zero). :func:`convcore._ops.pad_input`
builds the padded input from these indices, so what a page shows as a cell's
source is what the computation reads.

>>> pad_source((1, 3), (0, 2), "circular")[0, :, 1].tolist()
[1, 2, 0, 1, 2, 0, 1]
"""
from __future__ import annotations

import numpy as np

from ._geometry import _shape2, pad_amounts

PAD_MODES = ("zeros", "reflect", "symmetric", "circular")

__all__ = ["PAD_MODES", "check_pad_mode", "axis_source", "pad_source"]

_NUMPY_MODE = {"reflect": "reflect", "symmetric": "symmetric", "circular": "wrap"}


def check_pad_mode(pad_mode) -> str:
    """``pad_mode`` as one of :data:`PAD_MODES` (names are case-insensitive,
    ``"REFLECT"`` as in ``tf.pad``).

    Raises ``ValueError`` for anything else, naming numpy's spellings.

    >>> check_pad_mode("SYMMETRIC")
    'symmetric'
    >>> check_pad_mode("wrap")
    Traceback (most recent call last):
    ...
    ValueError: unknown pad_mode 'wrap'; use 'zeros', 'reflect', 'symmetric' or 'circular' (numpy's 'constant' is 'zeros', its 'wrap' is 'circular')
    """
    if isinstance(pad_mode, str) and pad_mode.lower() in PAD_MODES:
        return pad_mode.lower()
    raise ValueError(
        f"unknown pad_mode {pad_mode!r}; use 'zeros', 'reflect', 'symmetric' or 'circular' "
        "(numpy's 'constant' is 'zeros', its 'wrap' is 'circular')"
    )


def axis_source(n: int, before: int, after: int, pad_mode: str = "zeros", axis: int = 0) -> np.ndarray:
    """Source index of each cell along one padded axis: ``n + before + after``
    ints, ``-1`` for a zero.

    ``axis`` (0 rows, 1 columns) only words the error message. ``pad_mode``
    must already be checked (:func:`check_pad_mode`).

    >>> axis_source(3, 2, 2, "reflect").tolist()
    [2, 1, 0, 1, 2, 1, 0]
    >>> axis_source(3, 3, 0, "reflect", axis=1)
    Traceback (most recent call last):
    ...
    ValueError: pad_mode 'reflect' mirrors at most n - 1 = 2 columns on each side of an input 3 columns wide, not 3; use less padding, or pad_mode 'symmetric' or 'zeros'
    """
    idx = np.arange(n)
    if pad_mode == "zeros":
        return np.pad(idx, (before, after), constant_values=-1)
    limit = n - 1 if pad_mode == "reflect" else n
    if max(before, after) > limit:
        unit, extent = ("rows", "high") if axis == 0 else ("columns", "wide")
        verb = "wraps" if pad_mode == "circular" else "mirrors"
        bound = "n - 1 = " if pad_mode == "reflect" else "n = "
        other = "or pad_mode 'symmetric' or 'zeros'" if pad_mode == "reflect" else "or pad_mode 'zeros'"
        raise ValueError(
            f"pad_mode {pad_mode!r} {verb} at most {bound}{limit} {unit} on each side of an input "
            f"{n} {unit} {extent}, not {max(before, after)}; use less padding, {other}"
        )
    return np.pad(idx, (before, after), mode=_NUMPY_MODE[pad_mode])


def pad_source(input_shape, padding=0, pad_mode="zeros", *, kernel_shape=None, stride=1, dilation=1) -> np.ndarray:
    """Where each cell of the padded input takes its value from.

    Parameters
    ----------
    input_shape : (int, int)
        The input's ``(n_h, n_w)``, each >= 1.
    padding : int, (ph, pw), ((top, bottom), (left, right)), or {'valid', 'same', 'full'}, optional
        As for :func:`convcore.pad_amounts`; ``'same'`` and ``'full'`` need
        ``kernel_shape``. Default 0.
    pad_mode : {'zeros', 'reflect', 'symmetric', 'circular'}, optional
        What the padding holds (case-insensitive). Default ``'zeros'``.
    kernel_shape : (int, int), optional
        The kernel's ``(k_h, k_w)``; needed only for ``'same'`` and ``'full'``.
    stride, dilation : int or (h, w), optional
        As for :func:`convcore.pad_amounts` (``'same'`` depends on them).

    Returns
    -------
    ndarray of int, shape (n_h + top + bottom, n_w + left + right, 2)
        ``[r, c]`` is the ``(row, column)`` of the input cell that padded cell
        ``(r, c)`` copies: itself (shifted by ``(top, left)``) inside the
        input, a mirrored or wrapped cell in the padding, ``(-1, -1)`` for a
        zero.

    Raises
    ------
    ValueError
        ``pad_mode`` is unknown; the padding is more than the mode allows
        (``'reflect'``: at most ``n - 1`` per side, as ``tf.pad``;
        ``'symmetric'``: at most ``n``, as ``tf.pad``; ``'circular'``: at most
        ``n``, as PyTorch); ``'same'``/``'full'`` without ``kernel_shape``;
        anything :func:`convcore.pad_amounts` refuses.

    See Also
    --------
    convcore.corr2d : its ``pad_mode`` pads with exactly these values.
    numpy.pad : modes ``'constant'``, ``'reflect'``, ``'symmetric'``, ``'wrap'``.
    tf.pad : modes ``'CONSTANT'``, ``'REFLECT'``, ``'SYMMETRIC'``.

    Notes
    -----
    Per axis, ``'reflect'`` mirrors about the edge cell without repeating it
    (``c b | a b c | b a``), ``'symmetric'`` mirrors about the edge itself,
    repeating the edge cell (``b a | a b c | c b``), ``'circular'`` continues
    with the other side (``b c | a b c | a b``). A corner cell copies the
    input cell given by its row's source and its column's source.

    Examples
    --------
    >>> src = pad_source((2, 3), 1, "reflect")
    >>> src[..., 0].tolist()
    [[1, 1, 1, 1, 1], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1], [0, 0, 0, 0, 0]]
    >>> src[..., 1].tolist()[0]
    [1, 0, 1, 2, 1]
    >>> pad_source((1, 2), 1)[..., 0].tolist()
    [[-1, -1, -1, -1], [-1, 0, 0, -1], [-1, -1, -1, -1]]
    >>> pad_source((3, 3), "same")
    Traceback (most recent call last):
    ...
    ValueError: padding 'same' depends on the kernel; pass kernel_shape=(kh, kw)
    """
    n_h, n_w = _shape2(input_shape, "input shape")
    mode = check_pad_mode(pad_mode)
    if kernel_shape is None:
        if isinstance(padding, str) and padding.lower() in ("same", "full"):
            raise ValueError(f"padding {padding!r} depends on the kernel; pass kernel_shape=(kh, kw)")
        kernel_shape = (1, 1)
    (t, b), (l, r) = pad_amounts((n_h, n_w), kernel_shape, padding, stride, dilation)
    rows = axis_source(n_h, t, b, mode, 0)
    cols = axis_source(n_w, l, r, mode, 1)
    src = np.empty((rows.size, cols.size, 2), dtype=int)
    src[..., 0], src[..., 1] = rows[:, None], cols[None, :]
    src[(rows[:, None] < 0) | (cols[None, :] < 0)] = -1
    return src
