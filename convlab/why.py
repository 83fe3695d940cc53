"""The "Why convolution" page's logic: the bounds of its controls, big numbers
written for people, a 1x1 convolution written out, and the code in its
expanders (the mathematics is :mod:`convcore.why`)."""
from __future__ import annotations

from convcore.why import (CHANNEL_SIZE, CHANNELS, SEED_BILLIONS, SEED_CLAIM, LocalityWindow, ParamCounts,
                          central_window, param_counts)

from .fmt import num
from .text import t

__all__ = ["MAX_SIDE", "MAX_KERNEL", "sci", "human_bytes", "approx_zh", "seed_claim_numbers",
           "ratio_numbers", "locality_lines", "pixel_arithmetic", "params_code", "channels_code"]

MAX_SIDE = 10_000  # image / hidden sides the page accepts
MAX_KERNEL = 99

_SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def sci(n: int) -> str:
    """``n`` as "≈ m × 10ᵉ" for big numbers, the digits with thousands separators otherwise.

    >>> sci(442), sci(10**12), sci(1_000_001_000_000), sci(441_000_000)
    ('442', '10¹²', '≈ 1.0 × 10¹²', '≈ 4.4 × 10⁸')
    """
    n = int(n)
    if n < 10**6:
        return f"{n:,}"
    e = len(str(n)) - 1
    if n == 10**e:
        return f"10{str(e).translate(_SUP)}"
    return f"≈ {n / 10**e:.1f} × 10{str(e).translate(_SUP)}"


def human_bytes(n: int) -> str:
    """A byte count in decimal units.

    >>> human_bytes(4 * (10**12 + 10**6)), human_bytes(1768), human_bytes(12)
    ('4.0 TB', '1.8 kB', '12 B')
    """
    n = int(n)
    for unit, name in ((10**12, "TB"), (10**9, "GB"), (10**6, "MB"), (10**3, "kB")):
        if n >= unit:
            return f"{n / unit:.1f} {name}"
    return f"{n} B"


def approx_zh(n: int) -> str:
    """A big count in Chinese units (万, 亿, 万亿).

    >>> approx_zh(442), approx_zh(10**12), approx_zh(441_000_000), approx_zh(1_000_001_000_000)
    ('442', '1 万亿', '4.41 亿', '约 1 万亿')
    >>> approx_zh(10**7), approx_zh(44_100_000), approx_zh(99_999_999), approx_zh(10**18)
    ('1000 万', '4410 万', '约 1 亿', '1000000 万亿')
    """
    n = int(n)
    for unit, name in ((10**12, "万亿"), (10**8, "亿"), (10**4, "万")):
        v = float(f"{n / unit:.3g}")  # three significant digits, never in e-notation
        if v >= 1:
            text = f"{v:g}" if v < 1e6 else f"{v:.0f}"
            exact = v * unit == n
            return f"{'' if exact else '约 '}{text} {name}"
    return str(n)


def seed_claim_numbers() -> dict[str, str]:
    """The chapter's claim (a one-megapixel image, a fully connected layer to a
    hidden representation of the same size, against a convolution) in the
    numbers the page writes into it: counts with thousands separators and as
    powers of ten, the dense layer's float32 size in terabytes, and what the
    chapter's "billions" fit (:data:`convcore.why.SEED_BILLIONS`: 1000 hidden
    units on the same image).

    >>> n = seed_claim_numbers()
    >>> n["dense_w"], n["dense_pow"], n["dense_b"], n["tb"], n["conv_w"]
    ('1,000,000,000,000', '10¹²', '1,000,000', '4.0', '441')
    >>> n["small_hidden"], n["small_w"], n["small_pow"]
    ('1,000', '1,000,000,000', '10⁹')
    """
    c, small = param_counts(**SEED_CLAIM), param_counts(**SEED_BILLIONS)
    return {"dense_w": f"{c.dense.weights:,}", "dense_pow": sci(c.dense.weights), "dense_b": f"{c.dense.biases:,}",
            "tb": f"{c.dense.float32_bytes / 1e12:.1f}", "conv_w": f"{c.conv.weights:,}",
            "small_hidden": f"{small.hidden[0] * small.hidden[1]:,}", "small_w": f"{small.dense.weights:,}",
            "small_pow": sci(small.dense.weights)}


def ratio_numbers(c: ParamCounts) -> dict[str, str]:
    """The fully connected layer's and the convolution's parameters and their
    ratio, with thousands separators.

    >>> ratio_numbers(param_counts(1000, 1000, 21))
    {'dense': '1,000,001,000,000', 'conv': '442', 'ratio': '2,262,445,701'}
    """
    return {"dense": f"{c.dense.total:,}", "conv": f"{c.conv.total:,}", "ratio": f"{c.ratio:,}"}


def locality_lines(win: LocalityWindow, big_shape: tuple[int, int], lang: str) -> list[str]:
    """The sentences beside the locality figure, in ``lang``: what hidden unit
    ``win.pixel`` reads of the small image, what reads zero padding at the
    border, and what a window of the same size reads of section 1's
    ``big_shape`` image (around its central pixel, clipped to the image like
    every window: never more cells than the image has).

    >>> from convcore.why import locality_window
    >>> lines = locality_lines(locality_window((12, 12), 0, 11, 5), (5, 7), "en")
    >>> print(lines[-1])
    On the 5×7 image of section 1 the same 11×11 window does not fit: even around the central pixel (2, 3) only 35 of its 121 cells are pixels, so it reads all 35 inputs.
    >>> print(locality_lines(locality_window((12, 12), 5, 4, 2), (1000, 1000), "en")[-1])
    On the 1,000×1,000 image of section 1 the same 5×5 window, around the central pixel (499, 499), reads 25 of the 1,000,000 inputs.
    """
    (i, j), (h, w) = win.pixel, win.shape
    lines = [t("why.loc_result", lang, i=i, j=j, s=win.side, window=win.window, inside=win.inside, total=win.total,
               h=h, w=w, pct=100 * win.inside / win.total)]
    if win.outside:
        lines.append(t("why.loc_border", lang, inside=win.inside, window=win.window, pad=win.outside))
    big = central_window(big_shape, win.delta)
    (bh, bw), (ci, cj) = big.shape, big.pixel
    numbers = dict(h=f"{bh:,}", w=f"{bw:,}", s=big.side, ci=ci, cj=cj, window=f"{big.window:,}",
                   inside=f"{big.inside:,}", total=f"{big.total:,}")
    if big.outside == 0:
        lines.append(t("why.loc_big", lang, **numbers))
    elif big.inside == big.total:
        lines.append(t("why.loc_big_all", lang, **numbers))
    else:
        lines.append(t("why.loc_big_clipped", lang, **numbers))
    return lines


def pixel_arithmetic(mix, o: int) -> str:
    """The 1x1 convolution at one pixel written out for output channel ``o``,
    e.g. ``1×0 + 1×1 + 1×2 = 3`` (``mix`` from :func:`convcore.why.pixel_mix`);
    a negative weight is subtracted: ``1×1 + 0×3 − 1×7 = -6``.

    >>> from convcore.why import channel_input, mixing_weights, pixel_mix
    >>> pixel_arithmetic(pixel_mix(channel_input(3), mixing_weights(2), 0, 1), 1)
    '1×1 + 0×3 − 1×7 = -6'
    """
    terms = " + ".join(f"{num(w)}×{num(v)}" for w, v in zip(mix.W[o], mix.x))
    return f"{terms} = {num(mix.y[o])}".replace("+ -", "− ")


# --- code for the expanders ---------------------------------------------------

BUILD_LIMIT = 10**8  # weights above which the snippet does not build the layer (400 MB of float32)


def params_code(h: int, w: int, k: int, h2: int | None = None, w2: int | None = None) -> tuple[str, str]:
    """(TensorFlow/Keras snippet, convcore snippet) that count this configuration's parameters."""
    c = param_counts(h, w, k, h2, w2)
    (h, w), (h2, w2) = c.image, c.hidden
    build = c.dense.weights <= BUILD_LIMIT
    lines = [
        "import tensorflow as tf",
        "",
        f"h, w, h2, w2, k = {h}, {w}, {h2}, {w2}, {k}",
        "",
        "# Fully connected: every hidden unit reads every pixel with its own weight",
        "dense = tf.keras.layers.Dense(h2 * w2)",
    ]
    if build:
        lines += ["dense.build((None, h * w))", f"n_dense = dense.count_params()  # (h*w)*(h2*w2) + h2*w2 = {c.dense.total:,}"]
    else:
        lines += [
            f"# dense.build((None, h * w)) would allocate {c.dense.float32_bytes:,} bytes of float32:",
            "n_dense = (h * w) * (h2 * w2) + h2 * w2  # what dense.count_params() would say",
        ]
    lines += [
        "",
        "# Locally connected: one k x k window per hidden unit, weights not shared",
        f"n_local = h2 * w2 * k * k + h2 * w2  # = {c.local.total:,}",
        "",
        "# Convolution: one shared k x k kernel and one bias",
        "conv = tf.keras.layers.Conv2D(1, k, padding=\"same\")",
        "conv.build((None, h, w, 1))",
        f"n_conv = conv.count_params()  # k*k + 1 = {c.conv.total:,}",
        "print(n_dense, n_local, n_conv)",
    ]
    h2_arg = "" if (h2, w2) == (h, w) else f", h2={h2}, w2={w2}"
    cc = f"from convcore.why import param_counts\n\nc = param_counts({h}, {w}, {k}{h2_arg})\nprint(c.dense.total, c.local.total, c.conv.total)"
    return "\n".join(lines), cc


def channels_code(O: int, k: int, C: int = CHANNELS, n: int = CHANNEL_SIZE) -> tuple[str, str]:
    """(Keras Conv2D with C in / O out channels, convcore) computing the page's multi-channel output."""
    n_params = O * C * k * k + O
    tf_code = "\n".join([
        "import numpy as np",
        "import tensorflow as tf",
        "",
        f"X0 = np.arange({n * n}.0).reshape({n}, {n})",
        "X = np.stack([X0, X0.T, X0[::-1]])  # (C, H, W)",
        f"K0 = np.arange({k * k}.0).reshape({k}, {k})",
        f"K = np.stack([np.stack([K0 + c + o for c in range({C})]) for o in range({O})])  # (O, C, k, k)",
        "",
        f"conv = tf.keras.layers.Conv2D({O}, {k})  # {C} input channels -> {O} output channels",
        f"conv.build((None, {n}, {n}, {C}))  # Keras puts channels last: (batch, H, W, C)",
        f"n_params = conv.count_params()  # O*C*k*k + O = {O}*{C}*{k}*{k} + {O} = {n_params}",
        f"conv.set_weights([np.transpose(K, (2, 3, 1, 0)), np.zeros({O})])  # Keras kernel: (k, k, C, O)",
        "Y = conv(np.transpose(X, (1, 2, 0))[None].astype(\"float32\"))[0]  # (H', W', O)",
        "Y = np.transpose(Y.numpy(), (2, 0, 1))  # (O, H', W'), as on the page",
    ])
    cc = "\n".join([
        "import numpy as np",
        "import convcore",
        "",
        f"X0 = np.arange({n * n}.0).reshape({n}, {n})",
        "X = np.stack([X0, X0.T, X0[::-1]])",
        f"K0 = np.arange({k * k}.0).reshape({k}, {k})",
        f"K = np.stack([np.stack([K0 + c + o for c in range({C})]) for o in range({O})])",
        "Y = convcore.corr2d_multi_in_out(X, K)  # Y[o] = sum over c of corr2d(X[c], K[o, c])",
    ])
    return tf_code, cc
