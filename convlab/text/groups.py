"""The groups page's strings (分组卷积, 深度卷积, 深度可分离卷积)."""
STRINGS = {
    "page.groups": {"en": "Groups and depthwise", "zh": "分组卷积与深度卷积"},
    "home.section_groups": {"en": "Beyond the chapter", "zh": "本章之外"},
    "home.blurb_groups": {
        "en": "Which input channels each output channel reads when the channels are split into groups, and why a "
              "depthwise(-separable) convolution needs so few weights and multiply-adds.",
        "zh": "把通道分组后，每个输出通道读取哪些输入通道；为什么深度卷积和深度可分离卷积只需要这么少的权重和乘加运算。",
    },
    "groups.intro": {
        "en": "A convolution from C_in input channels to C_out output channels gives every output channel one kernel "
              "slice per input channel: C_out × C_in × k × k weights. **Groups** split both channel lists "
              "into equal, consecutive groups; an output channel reads only the input channels of its own group, so "
              "the layer has *groups* times fewer weights and multiply-adds. With groups = C_in every output channel "
              "reads a single input channel: a **depthwise** convolution. Followed by a 1×1 (pointwise) convolution "
              "that mixes the channels, it is the **depthwise-separable** convolution of MobileNet and Xception.",
        "zh": "从 C_in 个输入通道到 C_out 个输出通道的卷积，为每个输出通道的每个输入通道各准备一片卷积核："
              "共 C_out × C_in × k × k 个权重。**分组卷积**把输入通道和输出通道都按顺序分成数目相同的组；"
              "每个输出通道只读取本组的输入通道，所以权重和乘加运算都减少为原来的 1/groups。groups = C_in 时，"
              "每个输出通道只读取一个输入通道：这就是**深度卷积**（depthwise，也叫逐通道卷积）。"
              "它后面再接一个混合各通道的 1×1（逐点）卷积，就是 MobileNet 和 Xception 使用的**深度可分离卷积**。",
    },
    "groups.cin": {"en": "input channels C_in", "zh": "输入通道数 C_in"},
    "groups.cout": {"en": "output channels C_out", "zh": "输出通道数 C_out"},
    "groups.k": {"en": "kernel size k (k×k)", "zh": "卷积核大小 k（k×k）"},
    "groups.g": {
        "en": "groups: from 1 (standard) to C_in (depthwise), only numbers that divide both C_in and C_out",
        "zh": "分组数 groups：从 1（标准卷积）到 C_in（深度卷积），只提供能同时整除 C_in 和 C_out 的数",
    },
    "groups.g_standard": {"en": "{g} · standard", "zh": "{g} · 标准"},
    "groups.g_depthwise": {"en": "{g} · depthwise", "zh": "{g} · 深度"},
    "groups.g_moved": {
        "en": "groups = {g} does not divide both the {cin} input and the {cout} output channels; using groups = {new}, "
              "the nearest number that does (possible: {legal}).",
        "zh": "groups = {g} 不能同时整除 {cin} 个输入通道和 {cout} 个输出通道；已改用能整除的最接近的数 groups = {new}"
              "（可选：{legal}）。",
    },
    "groups.only_one": {
        "en": "{cin} and {cout} have no common divisor but 1: only the standard convolution (groups = 1) is possible.",
        "zh": "{cin} 和 {cout} 除 1 以外没有公约数：只能用标准卷积（groups = 1）。",
    },
    "groups.no_depthwise": {
        "en": "Depthwise (groups = C_in = {cin}) needs C_out to be a multiple of {cin}; {cout} is not.",
        "zh": "深度卷积（groups = C_in = {cin}）要求 C_out 是 {cin} 的倍数；{cout} 不是。",
    },
    # --- 1. who reads what ---
    "groups.diagram_header": {"en": "Which input channels each output channel reads",
                              "zh": "每个输出通道读取哪些输入通道"},
    "groups.diagram_help": {
        "en": "One line per kernel slice, coloured by group. Click an output channel to follow it (thick lines, and "
              "the worked example below).",
        "zh": "每条线代表一片卷积核，颜色表示所在的组。点击一个输出通道即可跟踪它（粗线，以及下面的例子）。",
    },
    "groups.fig_inputs": {"en": "input channels", "zh": "输入通道"},
    "groups.fig_outputs": {"en": "output channels", "zh": "输出通道"},
    "groups.hover_in": {"en": "input channel %{customdata[0]}, group %{customdata[1]}",
                        "zh": "输入通道 %{customdata[0]}，第 %{customdata[1]} 组"},
    "groups.hover_out": {"en": "output channel %{customdata[0]}, group %{customdata[1]}",
                         "zh": "输出通道 %{customdata[0]}，第 %{customdata[1]} 组"},
    "groups.reads": {
        "en": "{cin} input channels in {g} groups of {per_in}, {cout} output channels in {g} groups of {per_out}: "
              "each output channel reads {per_in} of the {cin} input channels (those of its group), so its kernel is "
              "{per_in}×{k}×{k} = {w} weights instead of {cin}×{k}×{k} = {full}.",
        "zh": "{cin} 个输入通道分成 {g} 组，每组 {per_in} 个；{cout} 个输出通道分成 {g} 组，每组 {per_out} 个："
              "每个输出通道只读取 {cin} 个输入通道中的 {per_in} 个（本组的那些），所以它的卷积核有 "
              "{per_in}×{k}×{k} = {w} 个权重，而不是 {cin}×{k}×{k} = {full} 个。",
    },
    "groups.reads_all": {
        "en": "groups = 1, the standard convolution: each of the {cout} output channels reads all {cin} input "
              "channels, with a kernel of {cin}×{k}×{k} = {full} weights.",
        "zh": "groups = 1，即标准卷积：{cout} 个输出通道中的每一个都读取全部 {cin} 个输入通道，"
              "卷积核有 {cin}×{k}×{k} = {full} 个权重。",
    },
    "groups.reads_depthwise": {
        "en": "groups = {g} = C_in, a depthwise convolution: every input channel is a group of its own, and each "
              "output channel reads 1 of the {cin} input channels ({per_out} output channel(s) per input channel), "
              "with a kernel of 1×{k}×{k} = {w} weights instead of {cin}×{k}×{k} = {full}.",
        "zh": "groups = {g} = C_in，即深度卷积：每个输入通道自成一组，每个输出通道只读取 {cin} 个输入通道中的 1 个"
              "（每个输入通道对应 {per_out} 个输出通道），卷积核有 1×{k}×{k} = {w} 个权重，而不是 "
              "{cin}×{k}×{k} = {full} 个。",
    },
    "groups.kernel_shape": {
        "en": "The kernel's shape (C_out, C_in / groups, k, k) = ({cout}, {per_in}, {k}, {k}); in Keras "
              "(k, k, C_in / groups, C_out) = ({k}, {k}, {per_in}, {cout}).",
        "zh": "卷积核的形状 (C_out, C_in / groups, k, k) = ({cout}, {per_in}, {k}, {k})；在 Keras 中为 "
              "(k, k, C_in / groups, C_out) = ({k}, {k}, {per_in}, {cout})。",
    },
    # --- 2. worked example ---
    "groups.example_header": {"en": "In numbers: output channel {o} sums only its group",
                              "zh": "用数字看：输出通道 {o} 只对本组求和"},
    "groups.example_intro": {
        "en": "Small enough to write out: {cin} input channels of 4×4 small integers, a 2×2 kernel slice for each "
              "output channel and each input channel of its group, no padding, so every output channel is 3×3 "
              "(computed by `convcore.corr2d_multi_in_out(X, K, groups={g})`). The window of cell (0, 0) is outlined.",
        "zh": "小到可以逐项写出：{cin} 个 4×4 的小整数输入通道，每个输出通道对本组每个输入通道各有一片 2×2 的卷积核，"
              "不填充，所以每个输出通道都是 3×3（由 `convcore.corr2d_multi_in_out(X, K, groups={g})` 计算）。"
              "图中框出的是元素 (0, 0) 的窗口。",
    },
    "groups.o": {"en": "output channel to follow", "zh": "要跟踪的输出通道"},
    "groups.fig_X": {"en": "input X: output {o} reads the coloured channels",
                     "zh": "输入 X：输出 {o} 读取彩色的通道"},
    "groups.fig_K": {"en": "kernel K[{o}]: one 2×2 slice per channel read",
                     "zh": "卷积核 K[{o}]：每个被读取的通道一片 2×2"},
    "groups.fig_Y": {"en": "output Y ({cout} channels)", "zh": "输出 Y（{cout} 个通道）"},
    "groups.hover_panel": {"en": "{name}, row {row}, col {col}: %{{z:.4g}}",
                           "zh": "{name}，第 {row} 行，第 {col} 列：%{{z:.4g}}"},
    "groups.cell_line": {"en": "X[{c}] ⋆ K[{o}, {j}]: {arith}", "zh": "X[{c}] ⋆ K[{o}, {j}]：{arith}"},
    "groups.cell_intro": {
        "en": "Cell (0, 0) of output channel {o} (group {grp}), one line per input channel it reads:",
        "zh": "输出通道 {o}（第 {grp} 组）的元素 (0, 0)，它读取的每个输入通道一行：",
    },
    "groups.cell_skips": {
        "en": "Input channels {others} belong to other groups: output channel {o} has no kernel slice for them, and "
              "they add nothing to it.",
        "zh": "输入通道 {others} 属于其他组：输出通道 {o} 没有对应它们的卷积核切片，它们对它毫无贡献。",
    },
    "groups.cell_all": {
        "en": "With groups = 1 every output channel sums all {cin} input channels.",
        "zh": "groups = 1 时，每个输出通道都对全部 {cin} 个输入通道求和。",
    },
    # --- 3. counts ---
    "groups.counts_header": {"en": "Parameters and multiply-adds", "zh": "参数量与乘加运算次数"},
    "groups.counts_intro": {
        "en": "Weights = C_out × (C_in / groups) × k × k, biases = C_out, and every weight is used once per output "
              "pixel: multiply-adds = weights × H × W for an H×W output (“same” padding, stride 1). The image size "
              "only changes the multiply-adds.",
        "zh": "权重 = C_out × (C_in / groups) × k × k，偏置 = C_out；每个权重在每个输出像素上用一次："
              "对 H×W 的输出，乘加次数 = 权重 × H × W（“same” 填充，步幅 1）。图像大小只影响乘加次数。",
    },
    "groups.h": {"en": "image height H", "zh": "图像高度 H"},
    "groups.w": {"en": "image width W", "zh": "图像宽度 W"},
    "groups.col_quantity": {"en": "per layer", "zh": "每层"},
    "groups.col_standard": {"en": "standard, groups = 1 ({cin}→{cout})", "zh": "标准卷积，groups = 1（{cin}→{cout}）"},
    "groups.col_grouped": {"en": "your layer, groups = {g} ({cin}→{cout})", "zh": "当前层，groups = {g}（{cin}→{cout}）"},
    "groups.col_depthwise": {"en": "depthwise, groups = {cin} ({cin}→{cout}, M = {m})",
                             "zh": "深度卷积，groups = {cin}（{cin}→{cout}，M = {m}）"},
    # the separable table has five columns: short headers (the symbols of the formula), so that it fits a phone
    "groups.col_std_k": {"en": "std {k}×{k}", "zh": "std {k}×{k}"},
    "groups.col_dw_part": {"en": "dw {k}×{k}", "zh": "dw {k}×{k}"},
    "groups.col_pw_part": {"en": "pw 1×1", "zh": "pw 1×1"},
    "groups.col_separable": {"en": "sep = dw + pw", "zh": "sep = dw + pw"},
    "groups.q_weights": {"en": "weights", "zh": "权重"},
    "groups.q_biases": {"en": "biases", "zh": "偏置"},
    "groups.q_params": {"en": "parameters", "zh": "参数"},
    "groups.q_mult_adds": {"en": "multiply-adds", "zh": "乘加次数"},
    "groups.q_params_ratio": {"en": "parameters ÷ standard", "zh": "参数 ÷ 标准"},
    "groups.q_mult_adds_ratio": {"en": "multiply-adds ÷ standard", "zh": "乘加 ÷ 标准"},
    "groups.ratio": {
        "en": "With groups = {g} each output channel has {g} times fewer kernel slices: {w} instead of {w1} weights "
              "and {m} instead of {m1} multiply-adds; the {b} biases stay, so the parameters are {p} instead of {p1}.",
        "zh": "groups = {g} 时，每个输出通道的卷积核切片减少为 1/{g}：权重 {w} 个而不是 {w1} 个，乘加 {m} 次而不是 "
              "{m1} 次；{b} 个偏置不变，所以参数是 {p} 个而不是 {p1} 个。",
    },
    "groups.ratio_one": {
        "en": "groups = 1 is the standard layer itself; move the groups slider to see what grouping saves.",
        "zh": "groups = 1 就是标准卷积本身；拖动分组滑块，看看分组能省下多少。",
    },
    "groups.depthwise_note": {
        "en": "The depthwise layer gives each input channel M = {m} output channel(s) (Keras' `depth_multiplier`): "
              "{cin} × {m} = {dout} outputs{why}.",
        "zh": "深度卷积为每个输入通道产生 M = {m} 个输出通道（Keras 的 `depth_multiplier`）：共 {cin} × {m} = {dout} "
              "个输出{why}。",
    },
    "groups.depthwise_note_not": {
        "en": " (C_out = {cout} is not a multiple of C_in = {cin}, so its column has other outputs than yours)",
        "zh": "（C_out = {cout} 不是 C_in = {cin} 的倍数，所以这一列的输出通道数与当前层不同）",
    },
    "groups.download": {"en": "Download the counts (CSV)", "zh": "下载这些计数（CSV）"},
    # --- 4. depthwise-separable ---
    "groups.sep_header": {"en": "Depthwise-separable: a depthwise k×k, then a 1×1",
                          "zh": "深度可分离卷积：先 k×k 深度卷积，再 1×1 卷积"},
    "groups.sep_intro": {
        "en": "A standard {k}×{k} convolution from {cin} to {cout} channels filters and mixes in one step. The "
              "depthwise-separable one (Keras' `SeparableConv2D`) splits it: a depthwise {k}×{k} convolution filters "
              "each channel on its own, then a 1×1 (pointwise) convolution mixes the {cin} channels into {cout} "
              "(only this one has biases). Below, std is the standard layer, dw the depthwise one, pw the pointwise "
              "one and sep the pair.",
        "zh": "标准的 {k}×{k} 卷积（{cin} → {cout} 个通道）一步完成滤波和通道混合。深度可分离卷积（Keras 的 "
              "`SeparableConv2D`）把它拆成两步：先用 {k}×{k} 深度卷积对每个通道单独滤波，再用 1×1（逐点）卷积把 "
              "{cin} 个通道混合成 {cout} 个（只有这一步带偏置）。下面 std 表示标准卷积，dw 表示深度卷积，"
              "pw 表示逐点卷积，sep 表示这两步合计。",
    },
    "groups.sep_cheaper": {
        "en": "The depthwise-separable pair needs {times} times fewer multiply-adds, and {p} parameters instead of {p1}.",
        "zh": "深度可分离卷积的乘加次数只有标准卷积的 1/{times}，参数为 {p} 个而不是 {p1} 个。",
    },
    "groups.sep_not_cheaper": {
        "en": "No saving here: with k = {k} and C_out = {cout}, 1/C_out + 1/k² is at least 1. Splitting pays off "
              "with a kernel larger than 1×1 and many output channels.",
        "zh": "这里没有节省：k = {k}、C_out = {cout} 时，1/C_out + 1/k² 不小于 1。只有卷积核大于 1×1 且输出通道较多时，"
              "拆分才划算。",
    },
}
