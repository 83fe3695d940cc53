STRINGS = {
    "stepper.intro": {
        "en": (
            "In 2-D **cross-correlation** the kernel window starts at the top-left of the input and slides "
            "left to right, top to bottom. At each position the input values under the window are multiplied "
            "by the kernel element-wise and summed: that sum is one output value. Press ▶ to watch, drag "
            "the slider to step, or pick an output cell below."
        ),
        "zh": (
            "在二维**互相关运算**中，卷积窗口从输入张量的左上角开始，从左到右、从上到下滑动。"
            "窗口每到一个位置，窗口中的输入子张量与卷积核按元素相乘，再求和，得到输出张量在这一位置的值。"
            "按 ▶ 观看动画，拖动滑块逐步查看，或在下方选择一个输出元素。"
        ),
    },
    "stepper.X": {"en": "Input X", "zh": "输入 X"},
    "stepper.K": {"en": "Kernel K", "zh": "卷积核 K"},
    "stepper.presets": {"en": "Examples from the chapter", "zh": "书中的例子"},
    "stepper.preset_seed": {"en": "3×3 input, 2×2 kernel", "zh": "3×3 输入，2×2 卷积核"},
    "stepper.preset_pad": {"en": "… with padding 1", "zh": "……填充 1"},
    "stepper.preset_stride": {"en": "… padding 1, stride (3, 2)", "zh": "……填充 1，步幅 (3, 2)"},
    "stepper.preset_edge": {"en": "6×8 edges, K = [1, −1]", "zh": "6×8 边缘，K = [1, −1]"},
    "stepper.op": {"en": "Operation", "zh": "运算"},
    "stepper.op_corr": {"en": "cross-correlation (what deep learning calls convolution)", "zh": "互相关运算（深度学习中的“卷积”）"},
    "stepper.op_conv": {"en": "true convolution (flip the kernel)", "zh": "严格卷积运算（翻转卷积核）"},
    "stepper.flipped": {
        "en": "True convolution flips the kernel on both axes, then cross-correlates. Flipped kernel: {K}",
        "zh": "严格卷积运算先把卷积核上下、左右翻转，再执行互相关运算。翻转后的卷积核：{K}",
    },
    "stepper.padding": {"en": "Padding", "zh": "填充"},
    "stepper.pad_explicit": {"en": "explicit (rows, columns per side)", "zh": "指定（每侧的行数、列数）"},
    "stepper.pad_valid": {"en": "valid (none)", "zh": "valid（不填充）"},
    "stepper.pad_same": {"en": "same (TensorFlow's rule)", "zh": "same（TensorFlow 的规则）"},
    "stepper.pad_full": {"en": "full ((k−1)·d per side)", "zh": "full（每侧 (k−1)·d）"},
    "stepper.pad_mode": {"en": "Padding values", "zh": "填充的值"},
    "stepper.pad_mode_help": {
        "en": "What the padded cells hold: zeros, or copies of the input's cells (hover a padded cell to see which).",
        "zh": "填充的元素是什么：0，或输入元素的副本（把鼠标移到填充元素上可以看到复制自哪里）。",
    },
    "stepper.pm_zeros": {"en": "zeros", "zh": "zeros（补 0）"},
    "stepper.pm_reflect": {"en": "reflect (mirror, edge not repeated)", "zh": "reflect（镜像，不重复边缘）"},
    "stepper.pm_symmetric": {"en": "symmetric (mirror, edge repeated)", "zh": "symmetric（镜像，重复边缘）"},
    "stepper.pm_circular": {"en": "circular (wrap around)", "zh": "circular（循环，从另一侧接上）"},
    "stepper.pad_mode_rows": {
        "en": "Padding mode {mode} copies at most {limit} rows on each side of this {n}-row input, but the padding "
              "asks for {need}. Use less padding, or another mode ({alt}). Shown meanwhile with zero padding.",
        "zh": "填充方式 {mode} 在这个 {n} 行的输入上下每侧最多复制 {limit} 行，但填充需要 {need} 行。"
              "请减少填充，或换一种方式（{alt}）。下面暂时按补 0 显示。",
    },
    "stepper.pad_mode_cols": {
        "en": "Padding mode {mode} copies at most {limit} columns on each side of this {n}-column input, but the "
              "padding asks for {need}. Use less padding, or another mode ({alt}). Shown meanwhile with zero padding.",
        "zh": "填充方式 {mode} 在这个 {n} 列的输入左右每侧最多复制 {limit} 列，但填充需要 {need} 列。"
              "请减少填充，或换一种方式（{alt}）。下面暂时按补 0 显示。",
    },
    "stepper.src_copy": {"en": "copy of X[{r}, {c}]", "zh": "复制自 X[{r}, {c}]"},
    "stepper.src_zero": {"en": "zero padding", "zh": "填充的 0"},
    "stepper.src_own": {"en": "X[{r}, {c}]", "zh": "X[{r}, {c}]"},
    "stepper.ph": {"en": "padding rows (top and bottom)", "zh": "填充行数（上、下各）"},
    "stepper.pw": {"en": "padding columns (left and right)", "zh": "填充列数（左、右各）"},
    "stepper.sh": {"en": "stride (rows)", "zh": "步幅（垂直）"},
    "stepper.sw": {"en": "stride (columns)", "zh": "步幅（水平）"},
    "stepper.dh": {"en": "dilation (rows)", "zh": "膨胀（垂直）"},
    "stepper.dw": {"en": "dilation (columns)", "zh": "膨胀（水平）"},
    "stepper.walk": {"en": "The window, step by step", "zh": "卷积窗口，一步一步"},
    "stepper.lbl_input": {"en": "padded input (dotted: X)", "zh": "填充后的输入（虚线内为 X）"},
    "stepper.lbl_kernel": {"en": "kernel", "zh": "卷积核"},
    "stepper.lbl_products": {"en": "window × kernel", "zh": "窗口 × 卷积核"},
    "stepper.lbl_output": {"en": "output Y", "zh": "输出 Y"},
    "stepper.lbl_step": {"en": "step {n}/{total}", "zh": "第 {n}/{total} 步"},
    "stepper.lbl_slider": {"en": "step (i, j): ", "zh": "窗口位置 (i, j)："},
    "stepper.lbl_play": {"en": "▶ play", "zh": "▶ 播放"},
    "stepper.lbl_pause": {"en": "❚❚ pause", "zh": "❚❚ 暂停"},
    "stepper.walk_window": {
        "en": (
            "This walk has {total} steps, more than one animation holds: ▶ and the slider cover steps "
            "{first}–{last}, around the chosen output cell. Choose another output cell below to move them."
        ),
        "zh": (
            "这次滑动共有 {total} 步，一段动画放不下：▶ 和滑块只覆盖所选输出元素附近的第 {first}–{last} 步。"
            "在下方选择另一个输出元素，即可移动这段范围。"
        ),
    },
    "stepper.pick": {"en": "Which input cells does an output cell read?", "zh": "一个输出元素读取哪些输入元素？"},
    "stepper.pick_help": {
        "en": "Click a cell of the output, or choose its row and column.",
        "zh": "点击输出中的一个元素，或选择它的行和列。",
    },
    "stepper.row": {"en": "output row i", "zh": "输出行 i"},
    "stepper.col": {"en": "output column j", "zh": "输出列 j"},
    "stepper.lbl_output_click": {"en": "output Y (click a cell)", "zh": "输出 Y（点击一个元素）"},
    "stepper.cell_sum": {"en": "Y[{i}, {j}] = {sum}", "zh": "Y[{i}, {j}] = {sum}"},
    "stepper.cell_reads": {
        "en": "It reads input cells (padded coordinates, row-major): {cells}",
        "zh": "它读取的输入元素（填充后坐标，按行）：{cells}",
    },
    "stepper.result": {"en": "The full output", "zh": "完整输出"},
    "stepper.shape": {
        "en": "Input {n_h}×{n_w}, kernel {k_h}×{k_w}, padding (top, bottom, left, right) = {pads}, stride {s}, dilation {d} → output {H}×{W}.",
        "zh": "输入 {n_h}×{n_w}，卷积核 {k_h}×{k_w}，填充（上、下、左、右）= {pads}，步幅 {s}，膨胀 {d} → 输出 {H}×{W}。",
    },
    "stepper.verify": {"en": "Verify with TensorFlow (tf.nn.conv2d)", "zh": "用 TensorFlow 验证（tf.nn.conv2d）"},
    "stepper.verified": {
        "en": "tf.nn.conv2d gives the same {H}×{W} output: largest difference {diff:.3g}.",
        "zh": "tf.nn.conv2d 给出同样的 {H}×{W} 输出：最大差异 {diff:.3g}。",
    },
    "stepper.verify_differs": {
        "en": "tf.nn.conv2d differs from convcore by up to {diff:.3g}.",
        "zh": "tf.nn.conv2d 与 convcore 最多相差 {diff:.3g}。",
    },
    "stepper.verify_unsupported": {
        "en": "TensorFlow cannot check this configuration: {reason}",
        "zh": "TensorFlow 无法检查这个配置：{reason}",
    },
    "stepper.verify_stride_dilation": {
        "en": "TensorFlow cannot check this configuration: tf.nn.conv2d does not support stride > 1 together "
              "with dilation > 1. Set the stride or the dilation to 1 on both axes to check it.",
        "zh": "TensorFlow 无法检查这个配置：tf.nn.conv2d 不支持步幅大于 1 的同时膨胀也大于 1。"
              "把两个方向的步幅或膨胀都设为 1，即可检查。",
    },
    "stepper.no_fit": {
        "en": "This configuration has no output: the kernel {k_h}×{k_w} does not fit in the padded input "
              "{n_h}×{n_w}; add padding or use a smaller kernel.",
        "zh": "这个配置没有输出：卷积核 {k_h}×{k_w} 放不进填充后的输入 {n_h}×{n_w}。请增加填充，或使用更小的卷积核。",
    },
    "stepper.no_fit_dilated": {
        "en": "This configuration has no output: the kernel {k_h}×{k_w}, dilated to {e_h}×{e_w}, does not fit in "
              "the padded input {n_h}×{n_w}; add padding, or use a smaller kernel or less dilation.",
        "zh": "这个配置没有输出：卷积核 {k_h}×{k_w} 膨胀后为 {e_h}×{e_w}，放不进填充后的输入 {n_h}×{n_w}。"
              "请增加填充，或使用更小的卷积核或更小的膨胀。",
    },
    "stepper.bad_config": {
        "en": "This configuration has no output: check the padding, stride and dilation.",
        "zh": "这个配置没有输出：请检查填充、步幅和膨胀。",
    },
    "stepper.fix_inputs": {
        "en": "Fix the matrix above to see the walk.",
        "zh": "请先修正上面的矩阵。",
    },
    "stepper.download": {"en": "Download the output (CSV)", "zh": "下载输出（CSV）"},
}
