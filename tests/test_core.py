"""convcore against the seed's numbers and against independent oracles:
TensorFlow's tf.nn.conv2d, a naive loop, and FFT linear convolution."""
from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import convcore
from convcore import seed
from convcore import (
    convolve2d,
    corr2d,
    corr2d_multi_in,
    corr2d_multi_in_out,
    flip_kernel,
    layer_stack,
    output_shape,
    pad_amounts,
    window_at,
    windows,
)
from convcore._geometry import pair

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf = pytest.importorskip("tensorflow")

SEED_X = seed.CORR_X
SEED_K = seed.CORR_K


edge_image = seed.edge_image


def naive_corr2d(X, K, pads, stride, dilation):
    """Reference: the definition, one output pixel at a time."""
    (t, b), (l, r) = pads
    P = np.pad(np.asarray(X, float), ((t, b), (l, r)))
    (s_h, s_w), (d_h, d_w) = stride, dilation
    kh, kw = K.shape
    H = (P.shape[0] - (kh - 1) * d_h - 1) // s_h + 1
    W = (P.shape[1] - (kw - 1) * d_w - 1) // s_w + 1
    Y = np.zeros((H, W))
    for i in range(H):
        for j in range(W):
            for a in range(kh):
                for c in range(kw):
                    Y[i, j] += P[i * s_h + a * d_h, j * s_w + c * d_w] * K[a, c]
    return Y


def tf_corr2d(X, K, padding, stride=1, dilation=1):
    x = tf.constant(np.asarray(X, np.float32)[None, :, :, None])
    k = tf.constant(np.asarray(K, np.float32)[:, :, None, None])
    if not isinstance(padding, str):
        (t, b), (l, r) = padding
        padding = [[0, 0], [t, b], [l, r], [0, 0]]
    return tf.nn.conv2d(x, k, strides=stride, padding=padding, dilations=dilation).numpy()[0, :, :, 0]


# --- the seed's examples --------------------------------------------------

def test_seed_cross_correlation():
    np.testing.assert_array_equal(corr2d(SEED_X, SEED_K), [[19, 25], [37, 43]])


def test_seed_edge_detection():
    Y = corr2d(edge_image(), [[1.0, -1.0]])
    expected = np.zeros((6, 7))
    expected[:, 1], expected[:, 5] = 1, -1
    np.testing.assert_array_equal(Y, expected)


def test_seed_edge_transposed_is_all_zero():
    Y = corr2d(edge_image().T, [[1.0, -1.0]])
    assert Y.shape == (8, 5)
    assert not Y.any()


def test_seed_stride_figure():
    np.testing.assert_array_equal(corr2d(SEED_X, SEED_K, padding=1, stride=(3, 2)), [[0, 8], [6, 8]])


def test_seed_padding_figure_first_cell_is_zero():
    Y = corr2d(SEED_X, SEED_K, padding=1)
    assert Y.shape == (4, 4) and Y[0, 0] == 0


@pytest.mark.parametrize(
    "kernel, padding, stride, expected",
    [(3, "same", 1, (8, 8)), ((5, 3), "same", 1, (8, 8)), (3, "same", 2, (4, 4)), ((3, 5), "valid", (3, 4), (2, 1))],
)
def test_seed_keras_shapes(kernel, padding, stride, expected):
    k = (kernel, kernel) if isinstance(kernel, int) else kernel
    assert output_shape((8, 8), k, padding, stride) == expected
    assert corr2d(np.random.default_rng(0).random((8, 8)), np.ones(k), padding=padding, stride=stride).shape == expected
    layer = tf.keras.layers.Conv2D(1, kernel_size=kernel, padding=padding, strides=stride)
    assert tuple(layer(tf.zeros((1, 8, 8, 1))).shape[1:3]) == expected


def test_seed_240_after_ten_5x5_layers():
    stack = layer_stack((240, 240), [{"kernel": 5}] * 10)
    assert stack[-1].output_shape == (200, 200)
    assert [s.output_shape[0] for s in stack] == list(range(236, 199, -4))
    assert stack[-1].receptive_field == (41, 41)


# --- oracles ----------------------------------------------------------------

ints = st.integers(-9, 9)


@st.composite
def problems(draw, max_n=9, max_k=4):
    n_h, n_w = draw(st.integers(1, max_n)), draw(st.integers(1, max_n))
    k_h, k_w = draw(st.integers(1, max_k)), draw(st.integers(1, max_k))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    X = rng.integers(-9, 10, (n_h, n_w)).astype(np.float32)
    K = rng.integers(-9, 10, (k_h, k_w)).astype(np.float32)
    return X, K


padding_forms = st.one_of(
    st.sampled_from(["valid", "same", "full", "SAME"]),
    st.integers(0, 3),
    st.tuples(st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.tuples(st.integers(0, 3), st.integers(0, 3)), st.tuples(st.integers(0, 3), st.integers(0, 3))),
)
steps = st.one_of(st.integers(1, 3), st.tuples(st.integers(1, 3), st.integers(1, 3)))


def fits(X, K, padding, stride, dilation):
    try:
        output_shape(X.shape, K.shape, padding, stride, dilation)
        return True
    except ValueError:
        return False


@settings(max_examples=150, deadline=None)
@given(problems(), padding_forms, steps)
def test_matches_tensorflow_with_stride(prob, padding, stride):
    X, K = prob
    if not fits(X, K, padding, stride, 1):
        with pytest.raises(ValueError, match="does not fit"):
            corr2d(X, K, padding=padding, stride=stride)
        return
    pads = pad_amounts(X.shape, K.shape, padding, stride)
    tf_padding = "SAME" if isinstance(padding, str) and padding.lower() == "same" else pads
    np.testing.assert_array_equal(corr2d(X, K, padding=padding, stride=stride), tf_corr2d(X, K, tf_padding, stride))


@settings(max_examples=100, deadline=None)
@given(problems(), padding_forms, steps)
def test_matches_tensorflow_with_dilation(prob, padding, dilation):
    X, K = prob
    assume(fits(X, K, padding, 1, dilation))
    pads = pad_amounts(X.shape, K.shape, padding, 1, dilation)
    tf_padding = "SAME" if isinstance(padding, str) and padding.lower() == "same" else pads
    np.testing.assert_array_equal(corr2d(X, K, padding=padding, dilation=dilation), tf_corr2d(X, K, tf_padding, 1, dilation))


@settings(max_examples=150, deadline=None)
@given(problems(), padding_forms, steps, steps)
def test_matches_naive_loop_with_stride_and_dilation(prob, padding, stride, dilation):
    # TensorFlow refuses stride > 1 together with dilation > 1; the definition does not.
    X, K = prob
    assume(fits(X, K, padding, stride, dilation))
    pads = pad_amounts(X.shape, K.shape, padding, stride, dilation)
    s, d = pair(stride, "s"), pair(dilation, "d")
    np.testing.assert_array_equal(corr2d(X, K, padding=padding, stride=stride, dilation=dilation), naive_corr2d(X, K, pads, s, d))


@settings(max_examples=60, deadline=None)
@given(problems(), padding_forms, steps, steps)
def test_output_shape_formula(prob, padding, stride, dilation):
    X, K = prob
    assume(fits(X, K, padding, stride, dilation))
    (t, b), (l, r) = pad_amounts(X.shape, K.shape, padding, stride, dilation)
    s, d = pair(stride, "s"), pair(dilation, "d")
    expected = tuple(
        (n + p - (k - 1) * dd - 1) // ss + 1 for n, p, k, dd, ss in zip(X.shape, (t + b, l + r), K.shape, d, s)
    )
    assert output_shape(X.shape, K.shape, padding, stride, dilation) == expected == corr2d(X, K, padding=padding, stride=stride, dilation=dilation).shape


def test_large_input_matches_tensorflow_threaded_path():
    # Big enough for the blocked, multi-threaded path (several blocks per thread).
    rng = np.random.default_rng(1)
    X = rng.standard_normal((700, 650)).astype(np.float32)
    K = rng.standard_normal((5, 7)).astype(np.float32)
    for kw in (dict(), dict(padding="same", stride=2), dict(padding="same", dilation=(2, 3))):
        tf_kw = dict(padding="SAME" if kw else "VALID", stride=kw.get("stride", 1), dilation=kw.get("dilation", 1))
        np.testing.assert_allclose(corr2d(X, K, **kw), tf_corr2d(X, K, **tf_kw), rtol=1e-4, atol=1e-4)


@settings(max_examples=60, deadline=None)
@given(problems())
def test_conv2d_full_is_linear_convolution(prob):
    X, K = prob
    X64, K64 = X.astype(float), K.astype(float)
    shape = (X.shape[0] + K.shape[0] - 1, X.shape[1] + K.shape[1] - 1)
    fft = np.fft.irfft2(np.fft.rfft2(X64, shape) * np.fft.rfft2(K64, shape), shape)
    np.testing.assert_allclose(convolve2d(X64, K64, padding="full"), fft, atol=1e-8)


@settings(max_examples=60, deadline=None)
@given(problems(), padding_forms, steps, steps)
def test_windows_rebuild_corr2d_exactly(prob, padding, stride, dilation):
    X, K = prob
    rng = np.random.default_rng(0)
    X = X + rng.random(X.shape).astype(np.float32)  # non-integers: the order of the sum matters
    assume(fits(X, K, padding, stride, dilation))
    Y = corr2d(X, K, padding=padding, stride=stride, dilation=dilation)
    ws = list(windows(X, K, padding=padding, stride=stride, dilation=dilation))
    assert [w.index for w in ws] == [(i, j) for i in range(Y.shape[0]) for j in range(Y.shape[1])]
    rebuilt = np.array([w.value for w in ws], dtype=Y.dtype).reshape(Y.shape)
    np.testing.assert_array_equal(rebuilt, Y)
    for w in ws:
        np.testing.assert_array_equal(w.products, w.patch * K)


def test_window_records_of_the_seed():
    w = next(windows(SEED_X, SEED_K))
    assert w.index == (0, 0) and w.origin == (0, 0) and w.value == 19
    np.testing.assert_array_equal(w.patch, [[0, 1], [3, 4]])
    last = list(windows(SEED_X, SEED_K, padding=1, stride=(3, 2)))[-1]
    assert last.index == (1, 1) and last.origin == (3, 2) and last.value == 8


def test_multi_channel_sums_per_channel_and_matches_tensorflow():
    rng = np.random.default_rng(2)
    X = rng.integers(-5, 6, (3, 7, 6)).astype(np.float32)
    K = rng.integers(-3, 4, (2, 3, 3, 2)).astype(np.float32)
    Y = corr2d_multi_in_out(X, K, padding=1)
    for o in range(2):
        np.testing.assert_array_equal(Y[o], sum(corr2d(X[c], K[o, c], padding=1) for c in range(3)))
        np.testing.assert_array_equal(Y[o], corr2d_multi_in(X, K[o], padding=1))
    x = tf.constant(np.transpose(X, (1, 2, 0))[None])  # (1, H, W, C)
    k = tf.constant(np.transpose(K, (2, 3, 1, 0)))  # (kh, kw, C, O)
    ref = tf.nn.conv2d(x, k, 1, [[0, 0], [1, 1], [1, 1], [0, 0]]).numpy()[0]
    np.testing.assert_array_equal(Y, np.transpose(ref, (2, 0, 1)))


# --- contract details -------------------------------------------------------

def test_dtype_rule_and_inputs_untouched():
    X32, K32 = SEED_X.astype(np.float32), SEED_K.astype(np.float32)
    assert corr2d(X32, K32).dtype == np.float32
    assert corr2d(X32, SEED_K).dtype == np.float64
    assert corr2d(SEED_X.astype(int), SEED_K.astype(int)).dtype == np.float64
    assert corr2d(SEED_X.tolist(), SEED_K.tolist()).dtype == np.float64
    Xc, Kc = X32.copy(), K32.copy()
    Y = corr2d(X32, K32, padding="same")
    Y[...] = 99
    np.testing.assert_array_equal(X32, Xc)
    np.testing.assert_array_equal(K32, Kc)
    F = flip_kernel(K32)
    F[...] = 0
    np.testing.assert_array_equal(K32, Kc)


def test_flip_kernel_and_true_convolution():
    np.testing.assert_array_equal(flip_kernel(SEED_K), [[3, 2], [1, 0]])
    np.testing.assert_array_equal(convolve2d(SEED_X, SEED_K), corr2d(SEED_X, [[3, 2], [1, 0]]))
    np.testing.assert_array_equal(convolve2d(SEED_X, SEED_K), [[5, 11], [23, 29]])


def test_same_padding_is_tensorflows_asymmetric_rule():
    assert pad_amounts((8, 8), (3, 3), "same", 2) == ((0, 1), (0, 1))
    assert pad_amounts((8, 8), (4, 4), "same") == ((1, 2), (1, 2))
    assert pad_amounts((5, 5), (3, 3), "full", dilation=2) == ((4, 4), (4, 4))


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: corr2d(np.ones(3), SEED_K), "input X must be 2-D"),
        (lambda: corr2d(SEED_X, np.ones((1, 2, 2))), "kernel K must be 2-D"),
        (lambda: corr2d(np.ones((0, 3)), SEED_K), "input X is empty"),
        (lambda: corr2d([[1, 2], [3]], SEED_K), "rows of equal length"),
        (lambda: corr2d([["a", "b"]], SEED_K), "real numbers"),
        (lambda: corr2d([[1, np.nan]], [[1]]), "NaN or infinity"),
        (lambda: corr2d(SEED_X, [[np.inf]]), "NaN or infinity"),
        (lambda: corr2d(SEED_X, SEED_K, stride=0), "stride must be at least 1"),
        (lambda: corr2d(SEED_X, SEED_K, dilation=(1, 0)), "dilation must be at least 1"),
        (lambda: corr2d(SEED_X, SEED_K, stride=1.5), "stride must be an integer"),
        (lambda: corr2d(SEED_X, SEED_K, padding=-1), "padding must be 0 or more"),
        (lambda: corr2d(SEED_X, SEED_K, padding=(1, -1)), "padding must be 0 or more"),
        (lambda: corr2d(SEED_X, SEED_K, padding="half"), "unknown padding 'half'"),
        (lambda: corr2d(SEED_X, SEED_K, padding=True), "padding must be"),
        (lambda: corr2d(SEED_X, np.ones((4, 4))), "kernel 4x4 does not fit in the padded input 3x3"),
        (lambda: corr2d(SEED_X, SEED_K, dilation=3), r"kernel 2x2 \(dilated to 4x4\) does not fit"),
        (lambda: corr2d_multi_in(np.ones((2, 3, 3)), np.ones((3, 2, 2))), "2 channels but kernel K has 3"),
        (lambda: corr2d_multi_in(np.ones((3, 3)), np.ones((3, 2, 2))), "input X must be 3-D"),
        (lambda: output_shape((0, 3), (1, 1)), "input shape must be at least 1x1"),
    ],
)
def test_bad_input_says_what_is_wrong(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_kernel_larger_than_input_message_suggests_a_fix():
    with pytest.raises(ValueError) as e:
        corr2d(np.ones((2, 2)), np.ones((3, 3)))
    assert str(e.value) == "kernel 3x3 does not fit in the padded input 2x2; add padding or use a smaller kernel"
    assert corr2d(np.ones((2, 2)), np.ones((3, 3)), padding=1).shape == (2, 2)


def test_import_is_light():
    code = (
        "import sys, time; t = time.perf_counter(); import convcore; dt = time.perf_counter() - t; "
        "heavy = [m for m in ('tensorflow', 'plotly', 'streamlit', 'scipy') if m in sys.modules]; "
        "print(heavy)"
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert out.stdout.strip() == "[]"


@settings(max_examples=60)
@given(problems(), padding_forms, steps, steps, st.data())
def test_window_at_is_the_walk_s_record(prob, padding, stride, dilation, data):
    X, K = prob
    assume(fits(X, K, padding, stride, dilation))
    kw = dict(padding=padding, stride=stride, dilation=dilation)
    H, W = output_shape(X.shape, K.shape, padding, stride, dilation)
    i, j = data.draw(st.integers(0, H - 1)), data.draw(st.integers(0, W - 1))
    walked = list(windows(X, K, **kw))[i * W + j]
    w = window_at(X, K, i, j, **kw)
    assert (w.index, w.origin, w.value) == (walked.index, walked.origin, walked.value)
    np.testing.assert_array_equal(w.patch, walked.patch)
    assert w.value == corr2d(X, K, **kw)[i, j]


@pytest.mark.parametrize("cell", [(2, 0), (0, 2), (-1, 0), (0.5, 0)])
def test_window_at_outside_the_output_says_the_range(cell):
    with pytest.raises(ValueError, match=r"outside the 2x2 output; rows go from 0 to 1, columns from 0 to 1"):
        window_at(SEED_X, SEED_K, *cell)


def test_options_are_keyword_only():
    for f in (corr2d, convolve2d, windows):
        with pytest.raises(TypeError):
            f(SEED_X, SEED_K, 1)
    with pytest.raises(TypeError):
        corr2d_multi_in(np.ones((1, 3, 3)), np.ones((1, 2, 2)), 1)
    assert not hasattr(convcore, "conv2d"), "true convolution is convolve2d (scipy's name), not Keras' Conv2D's"


def test_convolve2d_matches_scipy():
    signal = pytest.importorskip("scipy.signal")
    rng = np.random.default_rng(5)
    X, K = rng.integers(-5, 6, (7, 9)).astype(float), rng.integers(-3, 4, (3, 2)).astype(float)
    for mode in ("valid", "full"):
        np.testing.assert_array_equal(convolve2d(X, K, padding=mode), signal.convolve2d(X, K, mode=mode))
        np.testing.assert_array_equal(corr2d(X, K, padding=mode), signal.correlate2d(X, K, mode=mode))


def test_implementation_modules_are_private_and_not_shadowed():
    import importlib

    for name in ("_geometry", "_ops", "_windows"):
        assert importlib.import_module(f"convcore.{name}")
    assert callable(convcore.windows) and callable(convcore.corr2d)
    for name in convcore.__all__:
        obj = getattr(convcore, name)
        assert not isinstance(obj, type(convcore)), f"convcore.{name} is a module, not the function"


def test_same_padding_agrees_with_scipy_correlate2d_not_convolve2d_for_even_kernels():
    # What the Notes of corr2d and convolve2d say.
    signal = pytest.importorskip("scipy.signal")
    rng = np.random.default_rng(6)
    X, K = rng.random((6, 7)), rng.random((2, 4))
    np.testing.assert_allclose(corr2d(X, K, padding="same"), signal.correlate2d(X, K, mode="same"))
    assert not np.allclose(convolve2d(X, K, padding="same"), signal.convolve2d(X, K, mode="same"))
