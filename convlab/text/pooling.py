"""The pooling page's strings (汇聚层, also called 池化层, as in D2L's Chinese edition)."""
STRINGS = {
    "page.pooling": {"en": "Pooling", "zh": "汇聚层（池化）"},
    "home.section_pooling": {"en": "Beyond the chapter", "zh": "本章之外"},
    "home.blurb_pooling": {
        "en": "Max and average pooling step by step: which cell wins each window, what a 'same' average divides "
              "by, and why pooling shrugs off a one-pixel shift that moves a convolution's edge map.",
        "zh": "一步一步看最大汇聚和平均汇聚（池化）：每个窗口里哪个元素胜出，same 平均汇聚除以多少，"
              "以及为什么汇聚层能容忍让卷积输出移动的一像素平移。",
    },
    "pooling.intro": {
        "en": (
            "A **pooling layer** slides a window over the input as a convolution does, but it has no kernel and "
            "no weights: each output is the **maximum** (max pooling) or the **average** (average pooling) of "
            "the input cells under the window. A network that pools cares less about exactly where a feature "
            "is, and with a stride it shrinks the representation. Frameworks set the stride to the window's "
            "size unless told otherwise. Press ▶ to watch the window, or drag the slider to step."
        ),
        "zh": (
            "**汇聚层**（也称池化层）像卷积层一样让一个固定形状的窗口（汇聚窗口）在输入上滑动，但它没有卷积核，"
            "也没有参数：每个输出是窗口中输入元素的**最大值**（最大汇聚层）或**平均值**（平均汇聚层）。"
            "汇聚让网络不那么在意特征的确切位置；配合步幅，它还能缩小表示。深度学习框架默认步幅与汇聚窗口的大小相同。"
            "按 ▶ 观看窗口滑动，或拖动滑块逐步查看。"
        ),
    },
    "pooling.presets": {"en": "Examples from D2L's pooling section", "zh": "《动手学深度学习》汇聚层一节的例子"},
    "pooling.preset_d2l": {"en": "3×3 input, 2×2 window, stride 1", "zh": "3×3 输入，2×2 窗口，步幅 1"},
    "pooling.preset_keras": {"en": "4×4, 3×3 window (stride = window)", "zh": "4×4，3×3 窗口（步幅 = 窗口）"},
    "pooling.preset_same": {"en": "4×4, 3×3 window, stride 2, same", "zh": "4×4，3×3 窗口，步幅 2，same"},
    "pooling.X": {"en": "Input X", "zh": "输入 X"},
    "pooling.mode": {"en": "Pooling", "zh": "汇聚方式"},
    "pooling.mode_max": {"en": "max pooling", "zh": "最大汇聚"},
    "pooling.mode_avg": {"en": "average pooling", "zh": "平均汇聚"},
    "pooling.pad": {"en": "Padding", "zh": "填充"},
    "pooling.pad_valid": {"en": "valid (windows inside the input)", "zh": "valid（窗口都在输入内）"},
    "pooling.pad_same": {"en": "same (TensorFlow's rule: output ⌈n / s⌉)", "zh": "same（TensorFlow 的规则：输出 ⌈n / s⌉）"},
    "pooling.ph": {"en": "window rows", "zh": "窗口行数"},
    "pooling.pw": {"en": "window columns", "zh": "窗口列数"},
    "pooling.sh": {"en": "stride (rows)", "zh": "步幅（垂直）"},
    "pooling.sw": {"en": "stride (columns)", "zh": "步幅（水平）"},
    "pooling.no_fit": {
        "en": "This configuration has no output: the {p_h}×{p_w} window does not fit in the {n_h}×{n_w} input; "
              "choose padding “same” or a smaller window.",
        "zh": "这个配置没有输出：{p_h}×{p_w} 的汇聚窗口放不进 {n_h}×{n_w} 的输入。请选择 same 填充，或使用更小的窗口。",
    },
    "pooling.fix_inputs": {"en": "Fix the matrix above to see the walk.", "zh": "请先修正上面的矩阵。"},
    "pooling.shape": {
        "en": "Input {n_h}×{n_w}, window {p_h}×{p_w}, stride {s}, padding (top, bottom, left, right) = {pads} "
              "→ output {H}×{W}.",
        "zh": "输入 {n_h}×{n_w}，汇聚窗口 {p_h}×{p_w}，步幅 {s}，填充（上、下、左、右）= {pads} → 输出 {H}×{W}。",
    },
    "pooling.walk": {"en": "The window, step by step", "zh": "汇聚窗口，一步一步"},
    "pooling.walk_help_max": {
        "en": "Pink: the window. Yellow: the input cell that wins it (a tie goes to the first in reading order, "
              "as in TensorFlow).",
        "zh": "粉色框：汇聚窗口。黄色：窗口中胜出的输入元素（并列时取按行顺序的第一个，与 TensorFlow 相同）。",
    },
    "pooling.walk_help_avg": {
        "en": "Pink: the window. Its output is the sum of the input cells under it divided by how many there are.",
        "zh": "粉色框：汇聚窗口。输出等于窗口中输入元素之和除以元素个数。",
    },
    "pooling.lbl_input": {"en": "input X", "zh": "输入 X"},
    "pooling.lbl_input_padded": {"en": "padded input (dotted: X)", "zh": "填充后的输入（虚线内为 X）"},
    "pooling.lbl_output": {"en": "output Y", "zh": "输出 Y"},
    "pooling.note_avg": {
        "en": "÷ {real}: real cells only, padding not counted",
        "zh": "÷ {real}：只计真实元素，填充不计入",
    },
    "pooling.note_max": {
        "en": "padding (−∞) never wins",
        "zh": "填充（−∞）不会胜出",
    },
    "pooling.cell_note_avg": {
        "en": "Real cells in this window: {real} of {window} (the rest is padding). “same” average pooling "
              "divides by {real}, not by {window}, as tf.nn.avg_pool2d does.",
        "zh": "这个窗口的 {window} 个元素中有 {real} 个真实元素（其余是填充）。same 平均汇聚除以 {real}，"
              "而不是 {window}，与 tf.nn.avg_pool2d 相同。",
    },
    "pooling.cell_note_max": {
        "en": "Real cells in this window: {real} of {window} (the rest is padding). TensorFlow pads max pooling "
              "with −∞, so only a real cell can win.",
        "zh": "这个窗口的 {window} 个元素中有 {real} 个真实元素（其余是填充）。TensorFlow 用 −∞ 填充最大汇聚，"
              "所以只有真实元素能胜出。",
    },
    "pooling.cell_winner": {
        "en": "The winner is input cell ({r}, {c}).",
        "zh": "胜出的是输入元素 ({r}, {c})。",
    },
    "pooling.pick": {"en": "One output cell", "zh": "一个输出元素"},
    "pooling.shape_header": {"en": "The output's shape", "zh": "输出形状"},
    "pooling.shape_note": {
        "en": "The same formula as a convolution's, ⌊(n − k + p + s)/s⌋ per axis, with the window's size as k. "
              "Without a stride of their own, Keras' pooling layers use s = k: the windows tile the input.",
        "zh": "与卷积的公式相同：每个方向 ⌊(n − k + p + s)/s⌋，其中 k 是汇聚窗口的大小。"
              "不指定步幅时，Keras 的汇聚层取 s = k：窗口互不重叠地铺满输入。",
    },
    "pooling.result": {"en": "The full output", "zh": "完整输出"},
    "pooling.download": {"en": "Download the output (CSV)", "zh": "下载输出（CSV）"},
    "pooling.shift_header": {"en": "Pooling and a one-pixel shift", "zh": "汇聚与一像素的平移"},
    "pooling.shift_intro": {
        "en": (
            "The chapter's edge image, its edge map (cross-correlation with the kernel [1, −1]: 1 where white "
            "turns black) and that map after the pooling set above. Shift the image right and compare: the edge "
            "map moves with the image, while a pooling window that held the edge before and after the shift "
            "still reports it. Outlined: the cells where a map finds the white-to-black edge (its largest value). "
            "Max pooling keeps each window's largest value, so the −1 of the black-to-white edge does not survive "
            "it (a network would learn a second kernel for that edge)."
        ),
        "zh": (
            "本章的边缘检测图像、它的边缘图（与卷积核 [1, −1] 做互相关运算：白变黑处为 1），以及边缘图经过上面设置的"
            "汇聚后的结果。把图像向右平移再比较：边缘图随图像移动，而平移前后都包含边缘的汇聚窗口仍然报告它。"
            "框出的元素：该图找到白到黑边缘的位置（它的最大值）。"
            "最大汇聚保留每个窗口的最大值，所以黑到白边缘的 −1 经过它后不会留下（网络会为那条边缘另学一个卷积核）。"
        ),
    },
    "pooling.shift": {"en": "shift the image right (pixels)", "zh": "图像向右平移（像素）"},
    "pooling.shift_help": {
        "en": "What leaves on the right comes back on the left: both borders are white, so no new edge appears.",
        "zh": "从右边移出的列回到左边：两侧边界都是白色，所以不会出现新的边缘。",
    },
    "pooling.fig_image": {"en": "image X<br>white 1, black 0", "zh": "图像 X<br>白 1，黑 0"},
    "pooling.fig_conv": {"en": "edge map<br>X ⋆ [1, −1]", "zh": "边缘图<br>X ⋆ [1, −1]"},
    "pooling.fig_pooled": {"en": "pooled edge map<br>{mode} {p_h}×{p_w}, stride {s}", "zh": "汇聚后的边缘图<br>{mode} {p_h}×{p_w}，步幅 {s}"},
    "pooling.fig_max": {"en": "max", "zh": "最大"},
    "pooling.fig_avg": {"en": "average", "zh": "平均"},
    "pooling.row_original": {"en": "original", "zh": "原图"},
    "pooling.row_shifted": {"en": "shifted {d} px right", "zh": "向右平移 {d} 像素"},
    "pooling.shift_counts": {
        "en": "Edge map: {cc} of {ct} cells changed, and {ck} of its {cf} detections of the edge stay where they "
              "were. Pooled: {pc} of {pt} cells changed, {pk} of {pf} detections stay.",
        "zh": "边缘图：{ct} 个元素中有 {cc} 个改变，{cf} 处边缘检测中有 {ck} 处留在原位。"
              "汇聚后：{pt} 个元素中有 {pc} 个改变，{pf} 处检测中有 {pk} 处留在原位。",
    },
    "pooling.shift_zero": {
        "en": "Move the slider to shift the image: with no shift, nothing changes.",
        "zh": "拖动滑块平移图像：不平移时，什么都不会改变。",
    },
    "pooling.shift_kept": {
        "en": "Shifted by {d} px, the convolution alone finds the edge at {ck} of its {cf} former cells; after "
              "pooling {pk} of {pf} detections stay put. The pooling window absorbs the shift: this is the small "
              "translation invariance pooling buys.",
        "zh": "平移 {d} 像素后，仅用卷积时，原来 {cf} 处检测中只有 {ck} 处仍找到边缘；汇聚后 {pf} 处中有 {pk} 处留在原位。"
              "汇聚窗口吸收了这次平移：这就是汇聚带来的少许平移不变性。",
    },
    "pooling.shift_lost": {
        "en": "Shifted by {d} px, the edge left every pooling window that held it: none of the {pf} pooled "
              "detections stays. Pooling absorbs only shifts that keep the edge inside a window (smaller than "
              "the window, and not across a window's border when the stride is large).",
        "zh": "平移 {d} 像素后，边缘离开了所有曾包含它的汇聚窗口：汇聚后的 {pf} 处检测一处也没有留下。"
              "汇聚只能吸收让边缘留在窗口内的平移（小于窗口，步幅较大时也不能越过窗口的边界）。",
    },
    "pooling.shift_no_help": {
        "en": "Shifted by {d} px, pooling keeps no more of the edge's detections than the convolution alone "
              "({pk} of {pf} against {ck} of {cf}): this window and stride do not absorb this shift.",
        "zh": "平移 {d} 像素后，汇聚保留的边缘检测并不比仅用卷积多（{pf} 处中 {pk} 处，对比 {cf} 处中 {ck} 处）："
              "这个窗口和步幅吸收不了这次平移。",
    },
}
