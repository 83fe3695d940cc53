"""convcore.training: the chapter's experiment with TensorFlow, checked
against the chapter's numbers, a numpy gradient and the quadratic's theory."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as hst
from hypothesis.extra import numpy as hnp

from convcore import corr2d
from convcore.training import (
    ADAM_LR,
    MOMENTUM,
    OPTIMIZERS,
    SOBEL_X,
    edge_image,
    hessian,
    initial_kernel,
    learn_kernel,
    numpy_gradient,
    problem,
    stable_lr_bound,
    suggested_lr,
    texture_image,
)
from convlab.training import convcore_code, history_csv, kernel_npy, seed_log, tf_code

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf = pytest.importorskip("tensorflow")

SEED = problem("seed")


def run(p=SEED, **kw):
    return list(learn_kernel(p.X, p.Y, p.K.shape, **kw))


# ------------------------------------------------------------------ the chapter


def test_seed_problem_is_the_chapters():
    assert SEED.X.tolist() == [[1, 1, 0, 0, 0, 0, 1, 1]] * 6
    assert SEED.Y.tolist() == [[0, 1, 0, 0, 0, -1, 0]] * 6


def test_reproduces_the_chapter_in_10_epochs():
    records = run()
    assert [r.epoch for r in records] == list(range(1, 11))
    assert not any(r.diverged for r in records)
    np.testing.assert_allclose(records[-1].kernel, [[1, -1]], atol=0.15)
    assert records[-1].kernel.shape == (1, 2)
    # the chapter's log: epoch 2, 4, ... 10, falling like 4.427, 0.759, 0.134, 0.025, 0.005
    log = seed_log([r.loss for r in records])
    assert [e for e, _ in log] == [2, 4, 6, 8, 10]
    assert all(a > b for (_, a), (_, b) in zip(log, log[1:]))
    assert log[-1][1] < 0.05


def test_loss_decreases_every_epoch_and_is_measured_before_the_update():
    records = run(epochs=30)
    losses = np.array([r.loss for r in records])
    assert (np.diff(losses) < 0).all()
    # loss of epoch n is that of the kernel after epoch n-1's update
    for prev, cur in zip(records, records[1:]):
        expect = float(((corr2d(SEED.X, prev.kernel) - SEED.Y) ** 2).sum())
        assert cur.loss == pytest.approx(expect, rel=1e-4, abs=1e-6)
    K0 = initial_kernel((1, 2), 0)
    assert records[0].loss == pytest.approx(float(((corr2d(SEED.X, K0) - SEED.Y) ** 2).sum()), rel=1e-5)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 42])
def test_converges_within_001_after_40_epochs(seed):
    records = run(epochs=40, seed=seed)
    np.testing.assert_allclose(records[-1].kernel, [[1, -1]], atol=0.01)


def test_same_seed_same_run_other_seed_other_run():
    a, b, c = run(seed=3), run(seed=3), run(seed=4)
    assert [r.loss for r in a] == [r.loss for r in b]
    for ra, rb in zip(a, b):
        assert np.array_equal(ra.kernel, rb.kernel)
    assert a[0].loss != c[0].loss


@pytest.mark.parametrize("layer", ["keras", "own"])
def test_compiled_step_gives_the_same_run(layer):
    eager = run(epochs=15, layer=layer, optimizer="adam", bias=True)
    compiled = run(epochs=15, layer=layer, optimizer="adam", bias=True, compiled=True)
    again = run(epochs=15, layer=layer, optimizer="adam", bias=True, compiled=True)
    assert [(r.loss, r.bias, r.kernel.tolist()) for r in compiled] == [(r.loss, r.bias, r.kernel.tolist()) for r in again]
    np.testing.assert_allclose([r.loss for r in eager], [r.loss for r in compiled], rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(eager[-1].kernel, compiled[-1].kernel, atol=1e-6)


def test_plain_gradient_descent_matches_numpy():
    """The whole run against gradient descent done by hand in float64."""
    records = run(epochs=10)
    K = initial_kernel((1, 2), 0).astype(np.float64)
    for r in records:
        K = K - 0.03 * numpy_gradient(SEED.X, SEED.Y, K)
        np.testing.assert_allclose(r.kernel, K, atol=1e-5)


# ----------------------------------------------------------------- gradient


@pytest.mark.parametrize("shape,seed", [((1, 2), 0), ((3, 3), 1), ((2, 4), 2)])
def test_tensorflow_gradient_equals_numpy_gradient(shape, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(9, 11))
    Y = corr2d(X, rng.normal(size=shape))
    K = rng.normal(size=shape)
    var = tf.Variable(K[:, :, None, None], dtype=tf.float64)
    x, y = tf.constant(X[None, :, :, None]), tf.constant(Y[None, :, :, None])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum((tf.nn.conv2d(x, var, 1, "VALID") - y) ** 2)
    g_tf = tape.gradient(loss, var).numpy()[:, :, 0, 0]
    np.testing.assert_allclose(numpy_gradient(X, Y, K), g_tf, rtol=1e-10, atol=1e-10)


def test_numpy_gradient_equals_finite_differences():
    rng = np.random.default_rng(5)
    X, K = rng.normal(size=(6, 7)), rng.normal(size=(2, 3))
    Y = corr2d(X, rng.normal(size=(2, 3)))
    loss = lambda K: float(((corr2d(X, K) - Y) ** 2).sum())  # noqa: E731
    g, eps = numpy_gradient(X, Y, K), 1e-6
    for idx in np.ndindex(K.shape):
        d = np.zeros_like(K)
        d[idx] = eps
        assert g[idx] == pytest.approx((loss(K + d) - loss(K - d)) / (2 * eps), rel=1e-5, abs=1e-6)


def test_own_layer_corr2d_is_cross_correlation_and_its_gradient_too():
    from convcore.training import _own_layer_class

    rng = np.random.default_rng(7)
    X, K = rng.normal(size=(7, 9)), rng.normal(size=(3, 2))
    Y = corr2d(X, rng.normal(size=(3, 2)))
    k = tf.Variable(K)
    with tf.GradientTape() as tape:
        Yh = _own_layer_class().tf_corr2d(tf.constant(X), k)
        loss = tf.reduce_sum((Yh - Y) ** 2)
    np.testing.assert_allclose(Yh.numpy(), corr2d(X, K), atol=1e-12)
    np.testing.assert_allclose(tape.gradient(loss, k).numpy(), numpy_gradient(X, Y, K), atol=1e-10)


# ------------------------------------------------------ stability, divergence


def test_stable_bound_of_the_chapter_is_one_thirtieth():
    assert stable_lr_bound(edge_image(), (1, 2)) == pytest.approx(1 / 30, abs=1e-6)
    assert 3e-2 < stable_lr_bound(edge_image(), (1, 2))
    # Hessian 2 * sum x x^T = [[36, 24], [24, 36]]: eigenvalues 12 and 60
    np.testing.assert_allclose(hessian(edge_image(), (1, 2)), [[36, 24], [24, 36]])
    assert stable_lr_bound(edge_image(), (1, 2), momentum=0.9) == pytest.approx(1.9 / 30)


def test_hessian_is_the_second_derivative():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(6, 6))
    H = hessian(X, (2, 2))
    Y = corr2d(X, rng.normal(size=(2, 2)))
    # the gradient is linear in K with slope H
    K1, K2 = rng.normal(size=(2, 2)), rng.normal(size=(2, 2))
    dg = numpy_gradient(X, Y, K2) - numpy_gradient(X, Y, K1)
    np.testing.assert_allclose(dg.reshape(-1), H @ (K2 - K1).reshape(-1), atol=1e-9)


@given(
    X=hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=9),
                 elements=hst.floats(-10, 10, allow_nan=False, allow_subnormal=False)),
    kh=hst.integers(1, 5), kw=hst.integers(1, 5), bias=hst.booleans(), optimizer=hst.sampled_from(OPTIMIZERS),
)
def test_suggested_lr_sits_below_the_bound_of_its_options(X, kh, kw, bias, optimizer):
    # The learner's bug: with a bias the suggestion ignored the (lower) bound of the bias.
    assume(kh <= X.shape[0] and kw <= X.shape[1])
    lr = suggested_lr(X, (kh, kw), bias, optimizer)
    plain = stable_lr_bound(X, (kh, kw), bias)
    own = stable_lr_bound(X, (kh, kw), bias, MOMENTUM if optimizer == "momentum" else 0.0)
    assert 0 < lr < math.inf
    if optimizer == "adam":
        assert lr == ADAM_LR  # no bound applies to Adam: one rate, whatever the curvature
    elif math.isinf(plain):
        assert lr == 0.03  # an input that leaves the loss flat: the chapter's rate
    else:
        # below the optimizer's own bound, and below plain gradient descent's (switching momentum off stays stable)
        assert lr <= 0.95 * plain and lr < own


def test_suggested_lr_with_a_bias_is_below_the_bias_bound():
    p = problem("sobel")
    bound = stable_lr_bound(p.X, (3, 3), bias=True)
    assert round(bound, 6) == 0.001728  # what the page shows for /training?bias=1, Sobel
    assert suggested_lr(p.X, (3, 3), bias=True) == 0.0016 < bound
    records = run(p, lr=0.0016, epochs=150, bias=True)
    assert not any(r.diverged for r in records) and records[-1].loss < 1e-3 * records[0].loss


def test_learning_rate_above_the_bound_diverges():
    records = run(lr=0.05, epochs=100)
    assert records[-1].diverged and not any(r.diverged for r in records[:-1])
    assert len(records) < 100  # the iterator stops there
    assert records[-1].loss > 100 * records[0].loss


def test_learning_rate_just_below_the_bound_converges():
    records = run(lr=0.033, epochs=300)
    assert not any(r.diverged for r in records)
    np.testing.assert_allclose(records[-1].kernel, [[1, -1]], atol=0.01)


def test_huge_learning_rate_diverges_fast_and_non_finite_counts():
    records = run(lr=10.0, epochs=500)
    assert records[-1].diverged and len(records) < 10


# ------------------------------------------------------------- other problems


def test_recovers_a_3x3_sobel():
    p = problem("sobel")
    assert p.X.shape == (16, 16) and np.array_equal(p.K, SOBEL_X)
    lr = suggested_lr(p.X, p.K.shape)
    assert 0 < lr < stable_lr_bound(p.X, p.K.shape)
    records = run(p, lr=lr, epochs=200)
    np.testing.assert_allclose(records[-1].kernel, SOBEL_X, atol=0.01)


@pytest.mark.parametrize("layer", ["keras", "own"])
@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_layers_and_optimizers(layer, optimizer):
    lr = {"sgd": 0.03, "momentum": 0.01, "adam": 0.1}[optimizer]
    records = run(lr=lr, epochs=150, layer=layer, optimizer=optimizer)
    assert not any(r.diverged for r in records)
    np.testing.assert_allclose(records[-1].kernel, [[1, -1]], atol=0.02)
    assert records[-1].loss < 1e-2 * records[0].loss


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_both_layers_take_the_same_path(optimizer):
    a = run(epochs=20, optimizer=optimizer, layer="keras")
    b = run(epochs=20, optimizer=optimizer, layer="own")
    np.testing.assert_allclose([r.loss for r in a], [r.loss for r in b], rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(a[-1].kernel, b[-1].kernel, atol=1e-5)


@pytest.mark.parametrize("layer", ["keras", "own"])
def test_bias_is_learned_too(layer):
    p = problem("custom", K=[[0, 1], [2, 3]])
    bound = stable_lr_bound(p.X, (2, 2), bias=True)
    assert bound < stable_lr_bound(p.X, (2, 2))
    records = run(p, lr=0.9 * bound, epochs=300, layer=layer, bias=True)
    assert records[0].bias is not None
    assert abs(records[-1].bias) < 0.01
    np.testing.assert_allclose(records[-1].kernel, [[0, 1], [2, 3]], atol=0.02)


def test_bad_input_raises_value_error():
    with pytest.raises(ValueError, match="learning rate"):
        learn_kernel(SEED.X, SEED.Y, (1, 2), lr=0)
    with pytest.raises(ValueError, match="epochs"):
        learn_kernel(SEED.X, SEED.Y, (1, 2), epochs=0)
    with pytest.raises(ValueError, match="optimizer"):
        learn_kernel(SEED.X, SEED.Y, (1, 2), optimizer="rmsprop")
    with pytest.raises(ValueError, match="layer"):
        learn_kernel(SEED.X, SEED.Y, (1, 2), layer="torch")
    with pytest.raises(ValueError, match="gives 5x7"):
        learn_kernel(SEED.X, SEED.Y, (2, 2))
    with pytest.raises(ValueError, match="does not fit"):
        learn_kernel(SEED.X, SEED.Y, (7, 2))
    with pytest.raises(ValueError, match="unknown problem"):
        problem("mnist")
    with pytest.raises(ValueError, match="too large"):
        problem("custom", K=np.ones((9, 9)))


# --------------------------------------------------------- reports and code


def test_history_csv_and_kernel_npy():
    import io

    records = run(epochs=3)
    csv = history_csv([r.epoch for r in records], [r.loss for r in records], [r.kernel for r in records])
    lines = csv.strip().split("\n")
    assert lines[0] == "epoch,loss,k[0][0],k[0][1]" and len(lines) == 4
    assert float(lines[3].split(",")[2]) == pytest.approx(records[-1].kernel[0, 0])
    K = np.load(io.BytesIO(kernel_npy(records[-1].kernel)))
    np.testing.assert_allclose(K, records[-1].kernel, rtol=1e-6)


@pytest.mark.parametrize("layer,optimizer,bias", [("keras", "sgd", False), ("own", "momentum", True), ("keras", "adam", True)])
def test_generated_tensorflow_code_prints_the_same_log(layer, optimizer, bias, capsys):
    kw = dict(lr=0.02, epochs=6, seed=5, optimizer=optimizer, layer=layer, bias=bias)
    code = tf_code("seed", SEED.K, **kw)
    exec(compile(code, "<tf_code>", "exec"), {})
    printed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("epoch")]
    expected = [f"epoch {e}, loss {l:.3f}" for e, l in seed_log([r.loss for r in run(**kw)])]
    assert printed == expected


def test_generated_convcore_code_runs(capsys):
    code = convcore_code("custom", np.array([[0.0, 1.0], [2.0, 3.0]]), lr=0.002, epochs=4)
    exec(compile(code, "<convcore_code>", "exec"), {})
    assert "epoch 4, loss" in capsys.readouterr().out


def test_texture_image_is_deterministic_and_well_conditioned():
    assert np.array_equal(texture_image(16), texture_image(16))
    ev = np.linalg.eigvalsh(hessian(texture_image(16), (3, 3)))
    assert ev[-1] / ev[0] < 100


def test_importing_training_does_not_import_tensorflow():
    code = "import sys, convcore.training, convlab.figures.training; print('tensorflow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
