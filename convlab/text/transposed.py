"""The transposed-convolution page's strings."""
STRINGS = {
    "page.transposed": {"en": "Transposed convolution", "zh": "转置卷积"},
    "home.section_transposed": {"en": "Beyond the chapter", "zh": "本章之外"},
    "home.blurb_transposed": {
        "en": "How a transposed convolution upsamples: each input cell stamps X[i, j]·K onto the output, the "
              "stamps add up; the same numbers by zero insertion; and where the checkerboard comes from.",
        "zh": "转置卷积如何上采样：每个输入元素把 X[i, j]·K 加到输出上，层层相加；插零后做互相关运算得到同样的数；"
              "以及棋盘格伪影从何而来。",
    },
    "transposed.intro": {
        "en": (
            "A convolution with stride shrinks its input; a **transposed convolution** goes the other way and is "
            "how networks upsample (Keras' `Conv2DTranspose`). Each input cell X[i, j] multiplies the whole kernel "
            "K, and that stamp X[i, j]·K is added onto the output at row i·s, column j·s; where stamps overlap they "
            "add up (a scatter-add). The example is Dive into Deep Learning's. Press ▶ to watch, drag the slider to step, or pick "
            "an output cell below."
        ),
        "zh": (
            "带步幅的卷积会缩小输入；**转置卷积**（Keras 的 `Conv2DTranspose`）反其道而行之，是网络上采样的方法。"
            "每个输入元素 X[i, j] 乘以整个卷积核 K，得到中间张量 X[i, j]·K，把它加到输出的第 i·s 行、第 j·s 列处；"
            "中间张量重叠的地方相加（分散相加）。例子取自《动手学深度学习》。按 ▶ 观看动画，拖动滑块逐步查看，或在下方选择一个输出元素。"
        ),
    },
    "transposed.presets": {"en": "Examples", "zh": "例子"},
    "transposed.preset_d2l": {"en": "D2L: 2×2 input, 2×2 kernel", "zh": "书中：2×2 的 X 和 K"},
    "transposed.preset_stride": {"en": "… stride 2", "zh": "……步幅 2"},
    "transposed.preset_crop": {"en": "… crop 1", "zh": "……裁剪 1"},
    "transposed.preset_same": {"en": "3×3 ones, stride 2, 'same'", "zh": "3×3 全 1，步幅 2，'same'"},
    "transposed.X": {"en": "Input X", "zh": "输入 X"},
    "transposed.K": {"en": "Kernel K", "zh": "卷积核 K"},
    "transposed.sh": {"en": "stride (rows)", "zh": "步幅（垂直）"},
    "transposed.sw": {"en": "stride (columns)", "zh": "步幅（水平）"},
    "transposed.pad": {"en": "Padding", "zh": "填充"},
    "transposed.pad_valid": {"en": "valid (keep every stamp)", "zh": "valid（保留全部）"},
    "transposed.pad_same": {"en": "same (output i·s, TensorFlow's crop)", "zh": "same（输出 i·s，TensorFlow 的裁剪）"},
    "transposed.pad_crop": {"en": "crop p from each side (PyTorch's padding)", "zh": "每侧裁剪 p（PyTorch 的 padding）"},
    "transposed.ph": {"en": "crop rows p_h (top and bottom)", "zh": "裁剪行数 p_h（上、下各）"},
    "transposed.pw": {"en": "crop columns p_w (left and right)", "zh": "裁剪列数 p_w（左、右各）"},
    "transposed.op": {"en": "set output_padding", "zh": "设置 output_padding"},
    "transposed.op_help": {
        "en": "Extra rows/columns at the bottom/right, each less than the stride; off: Keras infers the size.",
        "zh": "在下方/右侧多加的行/列，每个方向都要小于步幅；关闭时由 Keras 推断大小。",
    },
    "transposed.oph": {"en": "output_padding (rows)", "zh": "output_padding（垂直）"},
    "transposed.opw": {"en": "output_padding (columns)", "zh": "output_padding（水平）"},
    "transposed.fix_inputs": {"en": "Fix the matrix above to see the stamps.", "zh": "请先修正上面的矩阵。"},
    "transposed.op_stride": {
        "en": "This configuration has no output: output_padding {op} must be less than the stride {s} on each "
              "axis; lower it or raise the stride.",
        "zh": "这个配置没有输出：output_padding {op} 在每个方向上都必须小于步幅 {s}。请减小它，或增大步幅。",
    },
    "transposed.crop_kernel": {
        "en": "This configuration has no output: a crop takes at most k − 1 rows/columns from each side, here "
              "{limit}, not {p}; crop less.",
        "zh": "这个配置没有输出：每侧最多只能裁剪 k − 1 行/列，这里是 {limit}，而不是 {p}。请少裁剪一些。",
    },
    "transposed.crop_all": {
        "en": "This configuration has no output: the crop leaves s(i − 1) + k − 2p + output_padding = {o} "
              "rows/columns; crop less.",
        "zh": "这个配置没有输出：裁剪后剩下 s(i − 1) + k − 2p + output_padding = {o} 行/列。请少裁剪一些。",
    },
    "transposed.op_same": {
        "en": "This configuration has no output: with 'same', an even kernel side (k = {k}) and output_padding 0, "
              "the output would have only (i − 1)·s rows/columns, too few for TensorFlow; set output_padding to 1 "
              "or more on that axis, or switch it off.",
        "zh": "这个配置没有输出：使用 'same'、卷积核边长为偶数（k = {k}）且 output_padding 为 0 时，输出只有 (i − 1)·s "
              "行/列，TensorFlow 不接受。请把该方向的 output_padding 设为 1 或更大，或者关闭它。",
    },
    "transposed.bad_config": {
        "en": "This configuration has no output: check the padding, stride and output_padding.",
        "zh": "这个配置没有输出：请检查填充、步幅和 output_padding。",
    },
    # --- the output shape
    "transposed.shape_title": {"en": "The output shape", "zh": "输出形状"},
    "transposed.shape_caption": {
        "en": "Per axis: i input, k kernel, s stride, p the rows/columns cropped from each side, op the "
              "output_padding. Without output_padding Keras takes (i − 1)·s + max(k, s) for 'valid' and i·s for "
              "'same'.",
        "zh": "每个方向：i 为输入，k 为卷积核，s 为步幅，p 为每侧裁剪的行/列数，op 为 output_padding。"
              "不设 output_padding 时，Keras 对 'valid' 取 (i − 1)·s + max(k, s)，对 'same' 取 i·s。",
    },
    "transposed.keras_valid": {
        "en": "Stride larger than the kernel ({axes}): the stamps leave gaps, and Keras' 'valid' output ends "
              "with s − k zero rows/columns after the last stamp.",
        "zh": "步幅大于卷积核（{axes}）：中间张量之间留有空隙，Keras 的 'valid' 输出在最后一个中间张量之后还有 "
              "s − k 行/列 0。",
    },
    "transposed.crop_caption": {
        "en": "The stamps cover a canvas of {canvas}; the crop cuts off rows (top, bottom) = ({top}, {bottom}) and "
              "columns (left, right) = ({left}, {right}) → output {out}.",
        "zh": "中间张量铺满 {canvas} 的画布；裁剪去掉的行（上、下）=（{top}, {bottom}），列（左、右）=（{left}, {right}）"
              " → 输出 {out}。",
    },
    # --- the walk
    "transposed.walk_title": {"en": "The output, step by step", "zh": "输出，一步一步"},
    "transposed.crop_help": {
        "en": "Shaded: the rows and columns the crop cuts off; dotted: the output it keeps.",
        "zh": "阴影：裁掉的行和列；虚线内：保留下来的输出。",
    },
    "transposed.zeros": {
        "en": "Show it as zero insertion + cross-correlation",
        "zh": "改看插零 + 互相关运算",
    },
    "transposed.scatter_help": {
        "en": "Blank canvas cells: no stamp has reached them yet. The slider's i,j is the input cell.",
        "zh": "画布中的空白元素：还没有中间张量到达。滑块上的 i,j 是输入元素。",
    },
    "transposed.zeros_explain": {
        "en": "The same output as a stride-1 cross-correlation: put s − 1 = ({zh}, {zw}) zeros between the input "
              "cells ({inserted}), pad with k − 1 − p zeros (top, bottom, left, right) = {pads} ({padded}), flip "
              "the kernel on both axes ({K}), and slide it as on the step-by-step page.",
        "zh": "同样的输出也是一次步幅为 1 的互相关运算：在输入元素之间插入 s − 1 = ({zh}, {zw}) 个 0（{inserted}），"
              "再填充 k − 1 − p 个 0（上、下、左、右）= {pads}（{padded}），把卷积核上下、左右翻转（{K}），"
              "然后像“一步一步”页那样滑动。",
    },
    "transposed.zeros_same": {
        "en": "Both give the same numbers: the cross-correlation's {H}×{W} output differs from the scatter's by "
              "at most {diff}.",
        "zh": "两种算法给出同样的数：互相关运算的 {H}×{W} 输出与分散相加的结果最多相差 {diff}。",
    },
    "transposed.zeros_differ": {
        "en": "The cross-correlation differs from the scatter by {diff}: please report this configuration.",
        "zh": "互相关运算与分散相加相差 {diff}：请报告这个配置。",
    },
    "transposed.lbl_input": {"en": "input X", "zh": "输入 X"},
    "transposed.lbl_kernel": {"en": "kernel K", "zh": "卷积核 K"},
    "transposed.lbl_stamp": {"en": "stamp X[i, j]·K", "zh": "中间张量 X[i, j]·K"},
    "transposed.lbl_canvas": {"en": "output Y", "zh": "输出 Y"},
    "transposed.lbl_canvas_crop": {"en": "canvas (dotted: Y)", "zh": "画布（虚线内为输出）"},
    "transposed.lbl_step": {"en": "step {n}/{total}", "zh": "第 {n}/{total} 步"},
    "transposed.lbl_stamp_line": {
        "en": "X[{i}, {j}] = {x}: {x}·K added at canvas ({r}, {c})",
        "zh": "X[{i}, {j}] = {x}：把 {x}·K 加到画布的 ({r}, {c}) 处",
    },
    "transposed.lbl_slider": {"en": "input cell (i, j): ", "zh": "输入元素 (i, j)："},
    "transposed.lbl_play": {"en": "▶ play", "zh": "▶ 播放"},
    "transposed.lbl_pause": {"en": "❚❚ pause", "zh": "❚❚ 暂停"},
    "transposed.lbl_zeros_input": {"en": "zeros inserted, padded (dotted: X)", "zh": "插零并填充（虚线内为插零后的 X）"},
    "transposed.lbl_flipped": {"en": "flipped K", "zh": "翻转后的 K"},
    # --- one output cell
    "transposed.pick_title": {"en": "Which stamps make one output cell?", "zh": "一个输出元素由哪些中间张量相加而成？"},
    "transposed.pick_help": {
        "en": "Click a cell of the output, or choose its row and column.",
        "zh": "点击输出中的一个元素，或选择它的行和列。",
    },
    "transposed.row": {"en": "output row", "zh": "输出行"},
    "transposed.col": {"en": "output column", "zh": "输出列"},
    "transposed.lbl_output_click": {"en": "output Y (click a cell)", "zh": "输出 Y（点击一个元素）"},
    "transposed.lbl_reads_X": {"en": "X: its stamps", "zh": "X：参与的元素"},
    "transposed.lbl_reads_K": {"en": "K: the taps used", "zh": "K：用到的元素"},
    "transposed.cell_sum": {"en": "Y[{i}, {j}] = {sum}", "zh": "Y[{i}, {j}] = {sum}"},
    "transposed.cell_none": {
        "en": "Y[{i}, {j}] = 0: no stamp reaches this cell.",
        "zh": "Y[{i}, {j}] = 0：没有中间张量到达这个元素。",
    },
    "transposed.cell_terms": {"en": "Stamps that reach it: {terms}", "zh": "到达它的中间张量：{terms}"},
    "transposed.cell_corr": {
        "en": "As a cross-correlation (window of the padded, zero-inserted input × flipped K): {sum}",
        "zh": "作为互相关运算（插零并填充后的输入窗口 × 翻转后的 K）：{sum}",
    },
    # --- the whole output
    "transposed.result": {"en": "The full output", "zh": "完整输出"},
    "transposed.download": {"en": "Download the output (CSV)", "zh": "下载输出（CSV）"},
    "transposed.verify": {
        "en": "Verify with TensorFlow (Conv2DTranspose and tf.nn.conv2d_transpose)",
        "zh": "用 TensorFlow 验证（Conv2DTranspose 和 tf.nn.conv2d_transpose）",
    },
    "transposed.verified": {
        "en": "Keras' Conv2DTranspose and tf.nn.conv2d_transpose give the same {H}×{W} output: largest "
              "difference {diff}.",
        "zh": "Keras 的 Conv2DTranspose 和 tf.nn.conv2d_transpose 给出同样的 {H}×{W} 输出：最大差异 {diff}。",
    },
    "transposed.verify_differs": {
        "en": "TensorFlow differs from convcore by up to {diff}.",
        "zh": "TensorFlow 与 convcore 最多相差 {diff}。",
    },
    "transposed.verify_unsupported": {
        "en": "TensorFlow cannot check this configuration: {reason}",
        "zh": "TensorFlow 无法检查这个配置：{reason}",
    },
    # --- the checkerboard
    "transposed.checker_title": {"en": "The checkerboard artefact", "zh": "棋盘格伪影"},
    "transposed.checker_intro": {
        "en": "Upsample an n×n input with a k×k kernel of ones at stride s ('same': output n·s). The overlap "
              "count is how many stamps reach each output cell: it is the output of an input of ones.",
        "zh": "用 k×k 的全 1 卷积核、步幅 s 对 n×n 的输入上采样（'same'：输出 n·s）。重叠次数是到达每个输出元素的"
              "中间张量个数，也就是全 1 输入的输出。",
    },
    "transposed.ck": {"en": "kernel size k", "zh": "卷积核大小 k"},
    "transposed.cs": {"en": "stride s", "zh": "步幅 s"},
    "transposed.cn": {"en": "input size n", "zh": "输入大小 n"},
    "transposed.cin": {"en": "input", "zh": "输入"},
    "transposed.cin_ones": {"en": "ones", "zh": "全 1"},
    "transposed.cin_ramp": {"en": "smooth ramp", "zh": "平滑渐变"},
    "transposed.lbl_checker_out": {"en": "output ({H}×{W})", "zh": "输出（{H}×{W}）"},
    "transposed.lbl_checker_counts": {"en": "overlap count", "zh": "重叠次数"},
    "transposed.checker_uneven": {
        "en": "k = {k} is not a multiple of s = {s}: along each axis an output cell is reached by {axis} stamps, "
              "alternating with period {s}, so away from the border cells receive {inner} stamps — even an input "
              "of ones comes out as a checkerboard. A kernel size divisible by the stride (or resizing, then a "
              "convolution) avoids it.",
        "zh": "k = {k} 不是 s = {s} 的倍数：在每个方向上，一个输出元素被 {axis} 个中间张量覆盖，以 {s} 为周期交替，"
              "因此在边界以内，各元素收到 {inner} 个中间张量——即使输入全为 1，输出也是棋盘格。"
              "让卷积核大小能被步幅整除（或先缩放再卷积）就能避免。",
    },
    "transposed.checker_even": {
        "en": "k = {k} is a multiple of s = {s}: away from the border every output cell is reached by {axis} "
              "stamps per axis, {inner} in all, so a constant input stays constant there; only the border, which "
              "fewer stamps reach, differs.",
        "zh": "k = {k} 是 s = {s} 的倍数：在边界以内，每个输出元素在每个方向上被 {axis} 个中间张量覆盖，共 {inner} 个，"
              "所以常数输入在那里仍是常数；只有中间张量较少到达的边界不同。",
    },
    "transposed.or": {"en": " or ", "zh": "或"},
}
