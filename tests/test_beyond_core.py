"""convcore beyond the chapter, against TensorFlow and Keras: transposed
convolution (three views that agree), pooling, groups and depthwise, padding
modes. TensorFlow is imported once for the module (a fixture)."""
from __future__ import annotations

import os
import re

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import convcore
from convcore import (
    PAD_MODES,
    conv_transpose2d,
    convolve2d,
    corr2d,
    corr2d_multi_in,
    corr2d_multi_in_out,
    flip_kernel,
    group_inputs,
    layer_cost,
    output_shape,
    pad_amounts,
    pad_source,
    pool2d,
    pool_argmax,
    stamp_at,
    transpose_as_corr,
    transpose_plan,
    transpose_stamps,
    window_at,
    windows,
    zero_insert,
)
from convcore._ops import pad_input

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


@pytest.fixture(scope="module")
def tf():
    return pytest.importorskip("tensorflow")


@pytest.fixture(scope="module")
def keras(tf):
    return pytest.importorskip("keras")


def nhwc(X):
    """A 2-D array as a ``(1, H, W, 1)`` float32 batch."""
    return np.asarray(X, np.float32)[None, :, :, None]


@st.composite
def matrices(draw, max_side=6, lo=-9, hi=9):
    h, w = draw(st.integers(1, max_side)), draw(st.integers(1, max_side))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return rng.integers(lo, hi + 1, (h, w)).astype(np.float32)


sides = st.integers(1, 3)
steps = st.one_of(sides, st.tuples(sides, sides))
kernels = matrices(max_side=4)


def transpose_kwargs(X, K, draw):
    """stride, padding, output_padding drawn so that Keras accepts them, or None."""
    stride = draw(steps)
    padding = draw(st.sampled_from(["valid", "same"]))
    s = (stride, stride) if isinstance(stride, int) else stride
    output_padding = draw(st.one_of(st.none(), st.tuples(st.integers(0, s[0] - 1), st.integers(0, s[1] - 1))))
    if padding == "same" and output_padding is not None:
        if any(k % 2 + op == 0 for k, op in zip(K.shape, output_padding)):
            return None  # TensorFlow refuses it (tested on its own below)
    return dict(stride=stride, padding=padding, output_padding=output_padding)


# --- transposed convolution ---------------------------------------------------

D2L_X = np.array([[0.0, 1.0], [2.0, 3.0]])


def test_transpose_reproduces_d2l():
    np.testing.assert_array_equal(conv_transpose2d(D2L_X, D2L_X), [[0, 0, 1], [0, 4, 6], [4, 12, 9]])
    np.testing.assert_array_equal(conv_transpose2d(D2L_X, D2L_X, padding=1), [[4]])
    np.testing.assert_array_equal(
        conv_transpose2d(D2L_X, D2L_X, stride=2), [[0, 0, 0, 1], [0, 0, 2, 3], [0, 2, 0, 3], [4, 6, 6, 9]]
    )


@settings(max_examples=80)
@given(matrices(), kernels, st.data())
def test_transpose_matches_keras(tf, keras, X, K, data):
    kw = transpose_kwargs(X, K, data.draw)
    assume(kw is not None)
    # keras.ops.conv_transpose: Keras' own output-size rule, TensorFlow's arithmetic;
    # kernel (kh, kw, out, in), not flipped (checked against the layer below).
    ref = keras.ops.conv_transpose(nhwc(X), K[:, :, None, None], kw["stride"], kw["padding"], kw["output_padding"])
    np.testing.assert_array_equal(conv_transpose2d(X, K, **kw), np.asarray(ref)[0, :, :, 0])


@pytest.mark.parametrize("stride, padding, output_padding", [(2, "same", None), ((2, 3), "valid", (1, 2)), (3, "same", 1)])
def test_transpose_matches_the_keras_layer_and_tf_nn(tf, keras, stride, padding, output_padding):
    rng = np.random.default_rng(3)
    X, K = rng.integers(-5, 6, (4, 5)).astype(np.float32), rng.integers(-5, 6, (3, 2)).astype(np.float32)
    layer = keras.layers.Conv2DTranspose(1, K.shape, strides=stride, padding=padding,
                                         output_padding=output_padding, use_bias=False)
    layer.build((1, *X.shape, 1))
    layer.kernel.assign(K[:, :, None, None])
    Y = conv_transpose2d(X, K, stride=stride, padding=padding, output_padding=output_padding)
    np.testing.assert_array_equal(Y, layer(nhwc(X)).numpy()[0, :, :, 0])
    shape = [1, *transpose_plan(X.shape, K.shape, stride=stride, padding=padding,
                                output_padding=output_padding).output_shape, 1]
    ref = tf.nn.conv2d_transpose(nhwc(X), K[:, :, None, None], shape, stride, padding.upper())
    np.testing.assert_array_equal(Y, ref.numpy()[0, :, :, 0])


@settings(max_examples=60)
@given(matrices(), kernels, steps, st.data())
def test_integer_padding_is_tf_explicit_padding(tf, X, K, stride, data):
    ph, pw = data.draw(st.integers(0, K.shape[0] - 1)), data.draw(st.integers(0, K.shape[1] - 1))
    try:
        plan = transpose_plan(X.shape, K.shape, stride=stride, padding=(ph, pw))
    except ValueError as e:
        assert "crops the whole output" in str(e)
        return
    ref = tf.nn.conv2d_transpose(nhwc(X), K[:, :, None, None], [1, *plan.output_shape, 1], stride,
                                 [[0, 0], [ph, ph], [pw, pw], [0, 0]])
    np.testing.assert_array_equal(conv_transpose2d(X, K, stride=stride, padding=(ph, pw)), ref.numpy()[0, :, :, 0])


@settings(max_examples=80)
@given(matrices(), kernels, st.data())
def test_scatter_stamps_and_zero_insertion_agree_exactly(X, K, data):
    kw = transpose_kwargs(X, K, data.draw)
    assume(kw is not None)
    rng = np.random.default_rng(0)
    X = X + rng.random(X.shape).astype(np.float32)  # non-integers: the order of the sums matters
    K = K + rng.random(K.shape).astype(np.float32)
    Y = conv_transpose2d(X, K, **kw)
    plan = transpose_plan(X.shape, K.shape, **kw)
    assert Y.shape == plan.output_shape and Y.dtype == np.float32
    stamps = list(transpose_stamps(X, K, **kw))
    assert [s.index for s in stamps] == [(i, j) for i in range(X.shape[0]) for j in range(X.shape[1])]
    np.testing.assert_array_equal(stamps[-1].output, Y)
    view = transpose_as_corr(X, K, **kw)
    np.testing.assert_array_equal(corr2d(view.padded, view.kernel), Y)
    np.testing.assert_array_equal(view.kernel, flip_kernel(K))
    np.testing.assert_array_equal(np.pad(view.inserted, view.pads), view.padded)
    assert view.pads == plan.corr_pads
    assert view.padded.shape == tuple(o + k - 1 for o, k in zip(Y.shape, K.shape))
    i = data.draw(st.integers(0, X.shape[0] - 1))
    j = data.draw(st.integers(0, X.shape[1] - 1))
    walked, at = stamps[i * X.shape[1] + j], stamp_at(X, K, i, j, **kw)
    assert (at.index, at.origin, at.value) == (walked.index, walked.origin, walked.value) == ((i, j), (i * plan.stride[0], j * plan.stride[1]), float(X[i, j]))
    np.testing.assert_array_equal(at.canvas, walked.canvas)
    np.testing.assert_array_equal(at.products, X[i, j] * K)


@settings(max_examples=60)
@given(matrices(), kernels, st.data())
def test_transpose_is_the_adjoint_of_corr2d(X, K, data):
    # <corr2d(Z, K), X> == <Z, conv_transpose2d(X, K)>: the gradient of conv2d.
    kw = transpose_kwargs(X, K, data.draw)
    assume(kw is not None)
    Y = conv_transpose2d(X.astype(float), K.astype(float), **kw)
    Z = np.random.default_rng(1).integers(-9, 10, Y.shape).astype(float)
    forward = corr2d(Z, K.astype(float), padding=kw["padding"], stride=kw["stride"])
    assert forward.shape == X.shape
    assert np.sum(forward * X) == np.sum(Z * Y)


def test_transpose_shapes_follow_keras():
    assert transpose_plan((3, 3), (2, 2), stride=3).output_shape == (9, 9)  # (i - 1) * s + max(k, s)
    assert transpose_plan((3, 4), (3, 3), stride=2, padding="same").output_shape == (6, 8)
    assert transpose_plan((3, 3), (3, 3), stride=2, padding="SAME", output_padding=0).output_shape == (5, 5)
    plan = transpose_plan((2, 2), (4, 4), stride=1, padding="same")  # crop 3: 1 top, 2 bottom (TF's split)
    assert plan.canvas_shape == (5, 5) and plan.crop == ((1, 2), (1, 2)) and plan.corr_pads == ((2, 1), (2, 1))


def test_even_kernel_same_with_output_padding_zero_is_refused_like_tensorflow(tf, keras):
    with pytest.raises(ValueError) as e:
        conv_transpose2d(np.ones((3, 3)), np.ones((2, 2)), stride=2, padding="same", output_padding=0)
    assert str(e.value) == (
        "output_padding 0 with padding 'same' and an even kernel side (2 rows) gives (i - 1) * s = 4 rows, "
        "too few for TensorFlow; use output_padding=1 or None (i * s = 6)"
    )
    with pytest.raises(Exception):
        keras.ops.conv_transpose(nhwc(np.ones((3, 3))), np.ones((2, 2, 1, 1), np.float32), 2, "same", 0)


def test_zero_insert():
    np.testing.assert_array_equal(zero_insert([[1, 2], [3, 4]], (2, 3)), [[1, 0, 0, 2], [0, 0, 0, 0], [3, 0, 0, 4]])
    assert zero_insert(np.ones((2, 2), np.float32), 1).dtype == np.float32
    assert zero_insert([[1, 2]], 2).dtype == np.float64


def test_transpose_dtype_and_inputs_untouched():
    X32, K32 = np.ones((3, 3), np.float32), np.arange(4, dtype=np.float32).reshape(2, 2)
    Xc, Kc = X32.copy(), K32.copy()
    assert conv_transpose2d(X32, K32, stride=2).dtype == np.float32
    assert conv_transpose2d(X32, K32.astype(int)).dtype == np.float64
    for s in transpose_stamps(X32, K32, stride=2, padding="same"):
        s.canvas[...] = 99
    transpose_as_corr(X32, K32, stride=2).padded[...] = 99
    np.testing.assert_array_equal(X32, Xc)
    np.testing.assert_array_equal(K32, Kc)


# --- pooling ------------------------------------------------------------------

@settings(max_examples=100)
@given(matrices(max_side=7), steps, st.one_of(st.none(), steps), st.sampled_from(["valid", "same"]))
def test_pooling_matches_tensorflow(tf, X, size, stride, padding):
    X = X + np.random.default_rng(0).random(X.shape).astype(np.float32)
    s = size if stride is None else stride
    if padding == "valid" and not all(n >= k for n, k in zip(X.shape, np.broadcast_to(size, 2))):
        with pytest.raises(ValueError, match="does not fit in the input"):
            pool2d(X, size, stride=stride, padding=padding)
        return
    ref_max = tf.nn.max_pool2d(nhwc(X), size, s, padding.upper()).numpy()[0, :, :, 0]
    ref_avg = tf.nn.avg_pool2d(nhwc(X), size, s, padding.upper()).numpy()[0, :, :, 0]
    np.testing.assert_array_equal(pool2d(X, size, stride=stride, padding=padding), ref_max)
    np.testing.assert_allclose(pool2d(X, size, stride=stride, padding=padding, mode="avg"), ref_avg, rtol=1e-6)


@settings(max_examples=100)
@given(matrices(max_side=7, lo=0, hi=2), steps, st.one_of(st.none(), steps), st.sampled_from(["valid", "same"]))
def test_pool_argmax_matches_tensorflow_ties_included(tf, X, size, stride, padding):
    s = size if stride is None else stride
    assume(padding == "same" or all(n >= k for n, k in zip(X.shape, np.broadcast_to(size, 2))))
    won = pool_argmax(X, size, stride=stride, padding=padding)
    _, idx = tf.nn.max_pool_with_argmax(nhwc(X), size, s, padding.upper())
    np.testing.assert_array_equal(won[..., 0] * X.shape[1] + won[..., 1], idx.numpy()[0, :, :, 0])
    np.testing.assert_array_equal(X[won[..., 0], won[..., 1]], pool2d(X, size, stride=stride, padding=padding))


def test_same_average_divides_by_the_real_cells():
    X = np.arange(9.0).reshape(3, 3)
    np.testing.assert_array_equal(pool2d(X, 2, padding="same", mode="avg"), [[2, 3.5], [6.5, 8]])
    np.testing.assert_array_equal(pool2d(-np.ones((3, 3)), 2, padding="same"), -np.ones((2, 2)))  # -inf padding
    assert pool2d(np.ones((4, 4), np.float32), 2).dtype == np.float32
    assert pool2d([[1, 2]], 1, mode="avg").dtype == np.float64


# --- groups and depthwise -----------------------------------------------------

@pytest.mark.parametrize("C, O, groups", [(4, 6, 2), (6, 6, 3), (3, 6, 3), (4, 4, 4), (2, 3, 1)])
def test_groups_match_keras_conv2d(tf, keras, C, O, groups):
    rng = np.random.default_rng(C * 10 + O)
    X = rng.integers(-5, 6, (C, 7, 6)).astype(np.float32)
    K = rng.integers(-3, 4, (O, C // groups, 3, 2)).astype(np.float32)
    Y = corr2d_multi_in_out(X, K, groups=groups, padding="same", stride=(2, 1))
    layer = keras.layers.Conv2D(O, (3, 2), strides=(2, 1), padding="same", groups=groups, use_bias=False)
    x = np.transpose(X, (1, 2, 0))[None]  # channels last: (1, H, W, C)
    layer.build(x.shape)
    layer.kernel.assign(np.transpose(K, (2, 3, 1, 0)))  # (kh, kw, C // groups, O)
    np.testing.assert_array_equal(Y, np.transpose(layer(x).numpy()[0], (2, 0, 1)))
    for o, chans in enumerate(group_inputs(C, O, groups)):
        np.testing.assert_array_equal(Y[o], corr2d_multi_in(X[chans], K[o], padding="same", stride=(2, 1)))


@pytest.mark.parametrize("multiplier", [1, 2])
def test_groups_equal_to_channels_is_tf_depthwise(tf, multiplier):
    rng = np.random.default_rng(multiplier)
    X = rng.integers(-5, 6, (3, 6, 6)).astype(np.float32)
    F = rng.integers(-3, 4, (3, 3, 3, multiplier)).astype(np.float32)  # (kh, kw, C, M)
    K = np.transpose(F, (2, 3, 0, 1)).reshape(3 * multiplier, 1, 3, 3)  # output c * M + m
    ref = tf.nn.depthwise_conv2d(np.transpose(X, (1, 2, 0))[None], F, [1, 1, 1, 1], "VALID").numpy()[0]
    np.testing.assert_array_equal(corr2d_multi_in_out(X, K, groups=3), np.transpose(ref, (2, 0, 1)))


@pytest.mark.parametrize("C, O, k, groups", [(3, 16, 3, 1), (8, 12, (3, 5), 4), (6, 6, 3, 6), (32, 64, 1, 1)])
@pytest.mark.parametrize("bias", [True, False])
def test_layer_cost_params_match_keras(keras, C, O, k, groups, bias):
    layer = keras.layers.Conv2D(O, k, groups=groups, use_bias=bias)
    layer.build((None, 9, 9, C))
    cost = layer_cost(C, O, k, groups=groups, bias=bias, output_shape=(7, 5))
    assert cost.params == layer.count_params()
    kh, kw = (k, k) if isinstance(k, int) else k
    assert cost.mult_adds == O * 7 * 5 * (C // groups) * kh * kw


def test_separable_is_depthwise_plus_pointwise(keras):
    layer = keras.layers.SeparableConv2D(64, 3)
    layer.build((None, 20, 20, 32))
    dw, pw = layer_cost(32, 32, 3, groups=32, bias=False), layer_cost(32, 64, 1)
    assert dw.params + pw.params == layer.count_params()
    depthwise = keras.layers.DepthwiseConv2D(3, depth_multiplier=2)
    depthwise.build((None, 20, 20, 32))
    assert layer_cost(32, 64, 3, groups=32).params == depthwise.count_params()


def test_group_inputs_and_groups_one_is_the_old_behaviour():
    np.testing.assert_array_equal(group_inputs(4, 2, 2), [[0, 1], [2, 3]])
    X, K = np.arange(18.0).reshape(2, 3, 3), np.arange(16.0).reshape(2, 2, 2, 2)
    np.testing.assert_array_equal(corr2d_multi_in_out(X, K), np.stack([corr2d_multi_in(X, k) for k in K]))


# --- padding modes ------------------------------------------------------------

NUMPY_MODE = {"zeros": "constant", "reflect": "reflect", "symmetric": "symmetric", "circular": "wrap"}
LIMIT = {"zeros": 9, "reflect": -1, "symmetric": 0, "circular": 0}  # most padding: n + this


@st.composite
def padded_problems(draw):
    X, K = draw(matrices()), draw(kernels)
    mode = draw(st.sampled_from(PAD_MODES))
    pads = tuple(
        (draw(st.integers(0, max(0, min(3, n + LIMIT[mode])))), draw(st.integers(0, max(0, min(3, n + LIMIT[mode])))))
        for n in X.shape
    )
    return X, K, pads, mode


@settings(max_examples=100)
@given(padded_problems(), steps)
def test_pad_modes_match_numpy_tf_pad_and_tf_conv2d(tf, problem, stride):
    X, K, pads, mode = problem
    P = pad_input(X, pads, np.float32, mode)
    np.testing.assert_array_equal(P, np.pad(X, pads, NUMPY_MODE[mode]))
    if mode in ("reflect", "symmetric"):
        np.testing.assert_array_equal(P, tf.pad(X, pads, mode.upper()).numpy())
    src = pad_source(X.shape, pads, mode)
    real = src[..., 0] >= 0
    np.testing.assert_array_equal(P[real], X[src[real][:, 0], src[real][:, 1]])
    assert not P[~real].any()
    assume(all(k <= p for k, p in zip(K.shape, P.shape)))
    ref = tf.nn.conv2d(P[None, :, :, None], K[:, :, None, None], stride, "VALID").numpy()[0, :, :, 0]
    np.testing.assert_array_equal(corr2d(X, K, padding=pads, stride=stride, pad_mode=mode), ref)
    np.testing.assert_array_equal(convolve2d(X, K, padding=pads, stride=stride, pad_mode=mode),
                                  corr2d(P, flip_kernel(K), stride=stride))
    Y = corr2d(X, K, padding=pads, stride=stride, pad_mode=mode)
    ws = list(windows(X, K, padding=pads, stride=stride, pad_mode=mode))
    np.testing.assert_array_equal(np.array([w.value for w in ws], np.float32).reshape(Y.shape), Y)
    last = window_at(X, K, *ws[-1].index, padding=pads, stride=stride, pad_mode=mode)
    np.testing.assert_array_equal(last.patch, ws[-1].patch)
    r, c = last.origin
    np.testing.assert_array_equal(last.patch, P[r : r + K.shape[0], c : c + K.shape[1]])


def test_pad_modes_with_named_padding_and_channels():
    rng = np.random.default_rng(4)
    X, K = rng.random((2, 5, 6)), rng.random((3, 2, 3, 3))
    for mode in PAD_MODES:
        Y = corr2d_multi_in_out(X, K, padding="same", pad_mode=mode)
        for o in range(3):
            expected = sum(corr2d(X[c], K[o, c], padding="same", pad_mode=mode) for c in range(2))
            np.testing.assert_allclose(Y[o], expected, rtol=1e-12)
        np.testing.assert_allclose(corr2d_multi_in(X, K[0], padding=1, pad_mode=mode), Y[0], rtol=1e-12)
    src = pad_source((5, 6), "same", "reflect", kernel_shape=(3, 3))
    assert src.shape == (7, 8, 2) and src[0, 0].tolist() == [1, 1]


def test_pad_mode_limits_are_tf_pads(tf):
    X = np.arange(9.0).reshape(3, 3)
    corr2d(X, [[1.0]], padding=2, pad_mode="reflect")
    corr2d(X, [[1.0]], padding=3, pad_mode="symmetric")
    corr2d(X, [[1.0]], padding=3, pad_mode="circular")
    with pytest.raises(Exception):
        tf.pad(X, [[3, 3], [0, 0]], "REFLECT")
    with pytest.raises(Exception):
        tf.pad(X, [[4, 4], [0, 0]], "SYMMETRIC")
    for mode, p in (("reflect", 3), ("symmetric", 4), ("circular", 4)):
        with pytest.raises(ValueError, match=f"pad_mode '{mode}'"):
            corr2d(X, [[1.0]], padding=p, pad_mode=mode)


def test_zeros_path_and_defaults_unchanged():
    X = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(corr2d(X, [[1, 2]], padding=1, pad_mode="ZEROS"), corr2d(X, [[1, 2]], padding=1))
    np.testing.assert_array_equal(pad_source((2, 2), 0, "reflect")[..., 0], [[0, 0], [1, 1]])


# --- bad input says what is wrong ---------------------------------------------

ONE = np.ones((3, 3))


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: corr2d(ONE, [[1]], padding=3, pad_mode="reflect"),
         "pad_mode 'reflect' mirrors at most n - 1 = 2 rows on each side of an input 3 rows high, not 3; "
         "use less padding, or pad_mode 'symmetric' or 'zeros'"),
        (lambda: corr2d(ONE, [[1]], padding=(0, 4), pad_mode="symmetric"),
         "pad_mode 'symmetric' mirrors at most n = 3 columns on each side of an input 3 columns wide, not 4; "
         "use less padding, or pad_mode 'zeros'"),
        (lambda: corr2d(ONE, [[1]], padding=((0, 5), (0, 0)), pad_mode="circular"),
         "pad_mode 'circular' wraps at most n = 3 rows on each side of an input 3 rows high, not 5; "
         "use less padding, or pad_mode 'zeros'"),
        (lambda: corr2d(ONE, [[1]], padding=1, pad_mode="wrap"),
         "unknown pad_mode 'wrap'; use 'zeros', 'reflect', 'symmetric' or 'circular' "
         "(numpy's 'constant' is 'zeros', its 'wrap' is 'circular')"),
        (lambda: windows(ONE, [[1]], pad_mode=None).__next__(), "unknown pad_mode None"),
        (lambda: pad_source((3, 3), "full"), "padding 'full' depends on the kernel; pass kernel_shape=(kh, kw)"),
        (lambda: corr2d_multi_in_out(np.ones((3, 4, 4)), np.ones((4, 1, 2, 2)), groups=2),
         "groups=2 does not divide the 3 input channels; use a number that divides both the 3 input and "
         "the 4 output channels: 1"),
        (lambda: corr2d_multi_in_out(np.ones((4, 4, 4)), np.ones((6, 1, 2, 2)), groups=4),
         "groups=4 does not divide the 6 output channels; use a number that divides both the 4 input and "
         "the 6 output channels: 1, 2"),
        (lambda: corr2d_multi_in_out(np.ones((4, 4, 4)), np.ones((2, 4, 2, 2)), groups=2),
         "kernel K reads 4 input channels per output channel, but X has 4 channels in 2 groups of 2; "
         "give K the shape (2, 2, kh, kw)"),
        (lambda: corr2d_multi_in_out(np.ones((4, 4, 4)), np.ones((2, 3, 2, 2))),
         "kernel K reads 3 input channels per output channel, but X has 4 channels; give K the shape (2, 4, kh, kw)"),
        (lambda: corr2d_multi_in_out(np.ones((2, 4, 4)), np.ones((2, 2, 2, 2)), groups=0),
         "groups must be a whole number of at least 1, not 0"),
        (lambda: layer_cost(4, 4, 3, groups=1.5), "groups must be a whole number of at least 1, not 1.5"),
        (lambda: layer_cost(0, 4, 3), "c_in must be a whole number of at least 1, not 0"),
        (lambda: layer_cost(4, 4, 0), "kernel_size must be at least 1 on each axis, not 0"),
        (lambda: layer_cost(4, 4, 3, bias="yes"), "bias must be True or False, not 'yes'"),
        (lambda: layer_cost(4, 4, 3, output_shape=(0, 3)), "output_shape must be at least 1x1, not 0x3"),
        (lambda: pool2d(ONE, 0), "pool size must be at least 1 on each axis, not 0"),
        (lambda: pool2d(ONE, 2, stride=(1, 0)), "stride must be at least 1 on each axis, not (1, 0)"),
        (lambda: pool2d(ONE, 2, mode="min"), "unknown pooling mode 'min'; use 'max' or 'avg'"),
        (lambda: pool2d(ONE, 2, padding=1),
         "pooling padding must be 'valid' or 'same' (as in tf.nn.max_pool2d), not 1"),
        (lambda: pool2d(ONE, (2, 4)),
         "pool window 2x4 does not fit in the input 3x3; use padding 'same' or a smaller window"),
        (lambda: pool_argmax([[1, np.nan]], 1), "input X contains NaN or infinity"),
        (lambda: conv_transpose2d(ONE, ONE, padding="full"),
         "padding of a transposed convolution must be 'valid', 'same', an integer p or (ph, pw)"),
        (lambda: conv_transpose2d(ONE, ONE, padding=3),
         "padding crops at most k - 1 = 2 rows from each side for a kernel 3 rows high, not 3; use less padding"),
        (lambda: conv_transpose2d(ONE, ONE, padding=(0, -1)), "padding must be at least 0 on each axis, not (0, -1)"),
        (lambda: conv_transpose2d([[1]], ONE, padding=2),
         "padding 2 crops the whole output: (i - 1) * s + k - 2p = -1 rows; use less padding"),
        (lambda: conv_transpose2d(ONE, ONE, stride=2, output_padding=(1, 2)),
         "output_padding must be less than the stride on each axis, not (1, 2) with stride 2x2; "
         "use 0 to stride - 1, or None"),
        (lambda: conv_transpose2d(ONE, [[1, 1]], padding="same", output_padding=0),
         "(2 columns) gives (i - 1) * s = 2 columns, too few for TensorFlow; use output_padding=None (i * s = 3)"),
        (lambda: conv_transpose2d(ONE, ONE, stride=0), "stride must be at least 1 on each axis, not 0"),
        (lambda: conv_transpose2d(np.ones(3), ONE), "input X must be 2-D"),
        (lambda: transpose_stamps(ONE, [[np.inf]]).__next__(), "kernel K contains NaN or infinity"),
        (lambda: stamp_at(ONE, ONE, 0, 3),
         "input cell (0, 3) is outside the 3x3 input; rows go from 0 to 2, columns from 0 to 2"),
        (lambda: zero_insert(ONE, 0), "stride must be at least 1 on each axis, not 0"),
    ],
)
def test_bad_input_says_what_is_wrong(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


def test_new_options_are_keyword_only_and_exported():
    for f in (conv_transpose2d, transpose_as_corr):
        with pytest.raises(TypeError):
            f(ONE, ONE, 2)
    with pytest.raises(TypeError):
        pool2d(ONE, 2, 1)
    with pytest.raises(TypeError):
        corr2d_multi_in_out(np.ones((2, 3, 3)), np.ones((2, 1, 2, 2)), 2)
    for name in ("conv_transpose2d", "transpose_stamps", "stamp_at", "zero_insert", "transpose_as_corr",
                 "transpose_plan", "pool2d", "pool_argmax", "group_inputs", "layer_cost", "pad_source", "PAD_MODES"):
        assert name in convcore.__all__ and hasattr(convcore, name)
    assert output_shape((5, 5), (3, 3), pad_amounts((5, 5), (3, 3), 1)) == (5, 5)
