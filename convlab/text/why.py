STRINGS = {
    "why.intro": {
        "en": (
            "An image is a grid of pixels. A fully connected layer gives every hidden unit its own weight "
            "for every pixel. The chapter asks for two things instead. **Translation invariance**: the "
            "first layers should react the same way to the same patch wherever it appears in the image. "
            "**Locality**: they should look only at a small neighbourhood. Ask for both and the fully "
            "connected layer becomes a convolution. This page shows what each step saves and what it keeps."
        ),
        "zh": (
            "图像是像素组成的网格。全连接层让每个隐藏单元对每个像素都有自己的权重。本章提出两个原则："
            "**平移不变性**——不管检测对象出现在图像中的哪个位置，网络的前面几层都应对相同的图像区域作出相似的反应；"
            "**局部性**——前面几层只应探索输入图像中的局部区域。两个原则一起，全连接层就变成了卷积。"
            "本页展示每一步省下了什么、保留了什么。"
        ),
    },
    "why.sections": {"en": "Section", "zh": "小节"},
    "why.sec_params": {"en": "1. Parameters", "zh": "1. 参数量"},
    "why.sec_translation": {"en": "2. Translation", "zh": "2. 平移不变性"},
    "why.sec_locality": {"en": "3. Locality", "zh": "3. 局部性"},
    "why.sec_channels": {"en": "4. Channels", "zh": "4. 通道"},
    "why.next": {"en": "Next: {section}", "zh": "下一节：{section}"},
    # --- parameter counts
    "why.params_header": {"en": "1. Billions of parameters, or a few hundred?", "zh": "1. 数十亿个参数，还是几百个？"},
    "why.params_intro": {
        "en": (
            "One layer maps an h×w image to an h′×w′ hidden representation, one channel each. "
            "A **fully connected layer** has a weight for every (hidden unit, pixel) pair and a bias per hidden unit. "
            "Locality alone gives a **locally connected layer**: every hidden unit reads only its own k×k window, "
            "but every hidden unit still has its *own* k² weights and bias, so no weights are shared. "
            "Translation invariance then lets all hidden units share one k×k **kernel** and one bias: a **convolutional layer**."
        ),
        "zh": (
            "一层把 h×w 的图像映射为 h′×w′ 的隐藏表示（各一个通道）。**全连接层**对每一对（隐藏单元，像素）都有一个权重，"
            "每个隐藏单元还有一个偏置。只用局部性，得到**局部连接层**：每个隐藏单元只读取自己的 k×k 窗口，"
            "但每个隐藏单元仍有*自己*的 k² 个权重和一个偏置，权重不共享。再加上平移不变性，所有隐藏单元共享同一个 k×k "
            "**卷积核**和同一个偏置：这就是**卷积层**。"
        ),
    },
    "why.h": {"en": "image height h", "zh": "图像高度 h"},
    "why.w": {"en": "image width w", "zh": "图像宽度 w"},
    "why.same": {"en": "hidden size = image size", "zh": "隐藏表示大小 = 图像大小"},
    "why.h2": {"en": "hidden height h′", "zh": "隐藏表示高度 h′"},
    "why.w2": {"en": "hidden width w′", "zh": "隐藏表示宽度 w′"},
    "why.k": {"en": "kernel size k (k×k window; k = 2Δ+1)", "zh": "卷积核大小 k（k×k 窗口；k = 2Δ+1）"},
    "why.kernel_too_big": {
        "en": "The kernel {k}×{k} is larger than the image {h}×{w}. Use a kernel of at most {m}×{m}, or a larger image.",
        "zh": "卷积核 {k}×{k} 比图像 {h}×{w} 还大。请使用不超过 {m}×{m} 的卷积核，或更大的图像。",
    },
    "why.layer_dense": {"en": "fully connected", "zh": "全连接层"},
    "why.layer_local": {"en": "locally connected (not shared)", "zh": "局部连接层（不共享）"},
    "why.layer_conv": {"en": "convolution", "zh": "卷积层"},
    "why.col_layer": {"en": "layer", "zh": "层"},
    "why.col_weights": {"en": "weights", "zh": "权重"},
    "why.col_biases": {"en": "biases", "zh": "偏置"},
    "why.col_total": {"en": "parameters", "zh": "参数总数"},
    "why.col_formula": {"en": "formula", "zh": "公式"},
    "why.col_memory": {"en": "as float32", "zh": "float32 占用"},
    "why.formula_dense": {"en": "(h·w)·(h′·w′) + h′·w′", "zh": "(h·w)·(h′·w′) + h′·w′"},
    "why.formula_local": {"en": "h′·w′·k² + h′·w′", "zh": "h′·w′·k² + h′·w′"},
    "why.formula_conv": {"en": "k² + 1", "zh": "k² + 1"},
    "why.chart_title": {
        "en": "Parameters of one layer, {k}×{k} window<br>{h}×{w} image → {h2}×{w2} hidden",
        "zh": "一层的参数，{k}×{k} 窗口<br>{h}×{w} 图像 → {h2}×{w2} 隐藏表示",
    },
    "why.chart_y": {"en": "parameters (log scale)", "zh": "参数个数（对数刻度）"},
    "why.bar_hover": {
        "en": "%{x}<br>weights: %{customdata[0]}<br>biases: %{customdata[1]}<br>total: %{customdata[2]}",
        "zh": "%{x}<br>权重：%{customdata[0]}<br>偏置：%{customdata[1]}<br>合计：%{customdata[2]}",
    },
    "why.ratio": {
        "en": "The fully connected layer has **{dense}** parameters, the convolution **{conv}**: about **{ratio}** times fewer.",
        "zh": "全连接层有 **{dense}** 个参数，卷积层只有 **{conv}** 个：约少 **{ratio}** 倍。",
    },
    "why.seed_claim": {
        "en": (
            "The chapter's claim, in numbers: a one-megapixel image (1000×1000) and a hidden layer of the same size. "
            "Fully connected: {dense_w} weights ({dense_pow}: a million million, a thousand billion) plus {dense_b} biases; "
            "stored as float32 that is {tb} TB. That is even more than the “billions” of the quote below, which is "
            "what a much smaller hidden layer needs: {small_hidden} hidden units on the same image already take "
            "{small_w} weights ({small_pow}, a billion). "
            "A convolution with Δ = 10 (a 21×21 kernel): {conv_w} weights plus 1 bias. "
            "“A multilayer perceptron may need billions of parameters for one layer; a convolutional network usually needs only a few hundred.”"
        ),
        "zh": (
            "书中的说法，用数字表示：一张一百万像素（1000×1000）的图像，隐藏表示大小相同。"
            "全连接层：{dense_w} 个权重（{dense_pow}，即 1 万亿）加 {dense_b} 个偏置；以 float32 存储需要 {tb} TB。"
            "这比下面引文中的“数十亿”还要多得多：数十亿是小得多的隐藏层所需的数目——同一图像连到 {small_hidden} 个隐藏单元，"
            "就已需要 {small_w} 个权重（{small_pow}，即 10 亿）。"
            "Δ = 10 的卷积（21×21 卷积核）：{conv_w} 个权重加 1 个偏置。"
            "“以前，多层感知机可能需要数十亿个参数来表示网络中的一层，而现在卷积神经网络通常只需要几百个参数。”"
        ),
    },
    "why.col_approx": {"en": "about", "zh": "约"},
    # --- translation
    "why.trans_header": {"en": "2. Translation invariance: the same kernel everywhere", "zh": "2. 平移不变性：处处使用同一个卷积核"},
    "why.trans_intro": {
        "en": (
            "With weights that do not depend on the position (i, j), the hidden unit at (i, j) is "
            "the same weighted sum of the pixels around it. Move the pattern in the input and the "
            "convolution's response moves with it, unchanged. The convolution's kernel is the pattern itself "
            "(it responds most where the pattern is). The locally connected layer has its own weights at "
            "every hidden unit. At the pattern's first centre they are the same kernel, elsewhere random "
            "(seed 0). Both use zero padding, so the hidden layer has the image's size."
        ),
        "zh": (
            "权重不依赖于位置 (i, j) 时，位置 (i, j) 的隐藏单元就是其周围像素的同一个加权和。把输入中的图案移动，"
            "卷积的响应就随之移动，且保持不变。这里卷积核就是图案本身（图案所在处响应最大）。"
            "局部连接层的每个隐藏单元都有自己的权重：在图案最初的中心处与卷积核相同，其他位置是随机数（种子 0）。"
            "两者都用零填充，隐藏表示与图像大小相同。"
        ),
    },
    "why.pattern": {"en": "pattern", "zh": "图案"},
    "why.pattern_cross": {"en": "cross", "zh": "十字"},
    "why.pattern_corner": {"en": "corner", "zh": "拐角"},
    "why.pattern_diagonal": {"en": "diagonal", "zh": "对角线"},
    "why.dy": {"en": "move down by dy", "zh": "向下移动 dy"},
    "why.dx": {"en": "move right by dx", "zh": "向右移动 dx"},
    "why.row_first": {"en": "The pattern at ({r}, {c})", "zh": "图案位于 ({r}, {c})"},
    "why.row_moved": {"en": "Moved by ({dy}, {dx}) to ({r}, {c})", "zh": "移动 ({dy}, {dx}) 后位于 ({r}, {c})"},
    "why.fig_input": {"en": "input X", "zh": "输入 X"},
    "why.fig_conv": {"en": "convolution (shared kernel)", "zh": "卷积（共享卷积核）"},
    "why.fig_lc": {"en": "locally connected (own weights)", "zh": "局部连接（各自的权重）"},
    "why.trans_conv_result": {
        "en": (
            "**Convolution:** the response to the moved pattern equals the first response moved by ({dy}, {dx}): "
            "the largest difference is **{diff:g}**. At the pattern's centre it is {a:g} before and {b:g} after."
        ),
        "zh": (
            "**卷积**：移动后图案的响应，等于最初的响应移动 ({dy}, {dx})：最大差值为 **{diff:g}**。"
            "图案中心处的响应，移动前 {a:g}，移动后 {b:g}。"
        ),
    },
    "why.trans_lc_result": {
        "en": (
            "**Locally connected:** the response to the moved pattern differs from the first response moved by "
            "({dy}, {dx}) by up to **{diff:.3g}**. At the pattern's centre it was {a:.3g} and is now {b:.3g}: "
            "what the layer knew about the pattern stayed where the pattern was."
        ),
        "zh": (
            "**局部连接**：移动后图案的响应，与最初响应移动 ({dy}, {dx}) 的结果最多相差 **{diff:.3g}**。"
            "图案中心处的响应从 {a:.3g} 变成了 {b:.3g}：这一层对图案的“认识”留在了图案原来的位置。"
        ),
    },
    "why.trans_zero": {
        "en": "Move the pattern (dy or dx > 0) to compare the two layers.",
        "zh": "移动图案（dy 或 dx 大于 0），比较这两层。",
    },
    # --- locality
    "why.loc_header": {"en": "3. Locality: a window of size 2Δ+1", "zh": "3. 局部性：大小为 2Δ+1 的窗口"},
    "why.loc_intro": {
        "en": (
            "Locality sets the weights to zero for |a| > Δ or |b| > Δ. The hidden unit at (i, j) then reads only "
            "the (2Δ+1)×(2Δ+1) window around pixel (i, j). Pick a pixel and Δ."
        ),
        "zh": (
            "局部性意味着在 |a| > Δ 或 |b| > Δ 的范围之外，权重为 0。位置 (i, j) 的隐藏单元只读取像素 (i, j) 周围 "
            "(2Δ+1)×(2Δ+1) 的窗口。选择一个像素和 Δ。"
        ),
    },
    "why.delta": {"en": "Δ", "zh": "Δ"},
    "why.row": {"en": "pixel row i", "zh": "像素行 i"},
    "why.col": {"en": "pixel column j", "zh": "像素列 j"},
    "why.loc_fig": {
        "en": "hidden unit ({i}, {j}), Δ = {d}:<br>reads {n} of {total} inputs",
        "zh": "隐藏单元 ({i}, {j})，Δ = {d}：<br>读取 {total} 个输入中的 {n} 个",
    },
    "why.loc_hover": {"en": "row %{y}, col %{x}", "zh": "第 %{y} 行，第 %{x} 列"},
    "why.loc_result": {
        "en": (
            "The window of the hidden unit at ({i}, {j}) is {s}×{s}: **{window}** weights (the kernel). "
            "It reads **{inside}** of the **{total}** inputs of this {h}×{w} image ({pct:.1f}%); "
            "a fully connected unit reads all {total}."
        ),
        "zh": (
            "位置 ({i}, {j}) 的隐藏单元有一个 {s}×{s} 的窗口：**{window}** 个权重（即卷积核）。"
            "它读取这张 {h}×{w} 图像 **{total}** 个输入中的 **{inside}** 个（占 {pct:.1f}%）；"
            "全连接层的隐藏单元要读取全部 {total} 个。"
        ),
    },
    "why.loc_border": {
        "en": "At the border only {inside} of the {window} window cells are pixels; the other {pad} read zero padding.",
        "zh": "在边界处，窗口的 {window} 个位置中只有 {inside} 个是像素，其余 {pad} 个读取的是零填充。",
    },
    "why.loc_big": {
        "en": (
            "On the {h}×{w} image of section 1 the same {s}×{s} window, around the central pixel ({ci}, {cj}), "
            "reads {inside} of the {total} inputs."
        ),
        "zh": "在第 1 部分的 {h}×{w} 图像上，同样 {s}×{s} 的窗口（围绕中心像素 ({ci}, {cj})）读取 {total} 个输入中的 {inside} 个。",
    },
    "why.loc_big_all": {
        "en": (
            "On the {h}×{w} image of section 1 the same {s}×{s} window does not fit: even around the central pixel "
            "({ci}, {cj}) only {inside} of its {window} cells are pixels, so it reads all {total} inputs."
        ),
        "zh": (
            "在第 1 部分的 {h}×{w} 图像上，同样 {s}×{s} 的窗口放不下：即使围绕中心像素 ({ci}, {cj})，"
            "窗口的 {window} 个位置中也只有 {inside} 个是像素，所以它读取全部 {total} 个输入。"
        ),
    },
    "why.loc_big_clipped": {
        "en": (
            "On the {h}×{w} image of section 1 the same {s}×{s} window does not fit: around the central pixel "
            "({ci}, {cj}) only {inside} of its {window} cells are pixels, so it reads {inside} of the {total} inputs."
        ),
        "zh": (
            "在第 1 部分的 {h}×{w} 图像上，同样 {s}×{s} 的窗口放不下：围绕中心像素 ({ci}, {cj}) 时，"
            "窗口的 {window} 个位置中只有 {inside} 个是像素，所以它读取 {total} 个输入中的 {inside} 个。"
        ),
    },
    # --- channels
    "why.ch_header": {"en": "4. Multiple input and output channels", "zh": "4. 多输入多输出通道"},
    "why.ch_intro": {
        "en": (
            "A colour image has 3 channels, so the input is C×h×w and each output channel has one k×k kernel slice "
            "per input channel: the kernel is O×C×k×k. Output channel o is the sum over c of the cross-correlation "
            "of input channel c with kernel slice K[o, c]. Here input channel 0 is 0…24 row by row, channel 1 "
            "its transpose and channel 2 channel 0 upside down; kernel slice K[o, c] is 0…k²−1 plus c + o, as the book "
            "builds its kernels (K, K + 1, K + 2)."
        ),
        "zh": (
            "彩色图像有 3 个通道，输入是 C×h×w；每个输出通道对每个输入通道都有一个 k×k 的卷积核切片，"
            "卷积核的形状是 O×C×k×k。输出通道 o 等于各输入通道 c 与卷积核切片 K[o, c] 的互相关运算结果之和。"
            "这里输入通道 0 是按行排列的 0…24，通道 1 是它的转置，通道 2 是它上下翻转；卷积核切片 K[o, c] 是 0…k²−1 加 c + o，"
            "与书中构造卷积核的方式（K、K + 1、K + 2）相同。"
        ),
    },
    "why.out_channels": {"en": "output channels O", "zh": "输出通道数 O"},
    "why.ch_k": {"en": "kernel size k", "zh": "卷积核大小 k"},
    "why.ch_inputs": {"en": "Input X: 3 channels of 5×5", "zh": "输入 X：3 个 5×5 的通道"},
    "why.ch_input_title": {"en": "X[{c}] (channel {c})", "zh": "X[{c}]（通道 {c}）"},
    "why.ch_row": {"en": "Output channel {o}", "zh": "输出通道 {o}"},
    "why.ch_kernel_title": {"en": "kernel K[{o}, {c}]", "zh": "卷积核 K[{o}, {c}]"},
    "why.ch_part_title": {"en": "X[{c}] ⋆ K[{o}, {c}]", "zh": "X[{c}] ⋆ K[{o}, {c}]"},
    "why.ch_out_title": {"en": "Y[{o}]", "zh": "Y[{o}]"},
    "why.ch_check": {
        "en": (
            "Each Y[o] is the sum of its {C} maps and equals `convcore.corr2d_multi_in(X, K[o])`; all of Y is "
            "`corr2d_multi_in_out(X, K)`, shape {shape}. The layer has O·C·k·k + O = {O}·{C}·{k}·{k} + {O} = **{n}** parameters."
        ),
        "zh": (
            "每个 Y[o] 都是其 {C} 个图之和，等于 `convcore.corr2d_multi_in(X, K[o])`；整个 Y 是 "
            "`corr2d_multi_in_out(X, K)`，形状为 {shape}。这一层有 O·C·k·k + O = {O}·{C}·{k}·{k} + {O} = **{n}** 个参数。"
        ),
    },
    "why.ch_mismatch": {
        "en": "The per-channel sums do not match corr2d_multi_in; please report this.",
        "zh": "各通道之和与 corr2d_multi_in 不一致；请报告此问题。",
    },
    "why.mix_header": {"en": "The 1×1 convolution: mixing channels at each pixel", "zh": "1×1 卷积：在每个像素上混合通道"},
    "why.mix_intro": {
        "en": (
            "With k = 1 a kernel reads no neighbours. Each output pixel is a weighted sum of the C channel values "
            "at the same pixel, with the same O×C weights at every pixel. It works like a fully connected layer "
            "applied to every pixel's channel vector. Here output 0 adds the three channels and output 1 is "
            "channel 0 minus channel 2."
        ),
        "zh": (
            "k = 1 时卷积核不读取邻居：每个输出像素是同一像素处 C 个通道值的加权和，每个像素都使用同一组 O×C 权重，"
            "相当于对每个像素的通道向量使用全连接层。这里输出 0 把三个通道相加，输出 1 是通道 0 减通道 2。"
        ),
    },
    "why.mix_row": {"en": "pixel row", "zh": "像素行"},
    "why.mix_col": {"en": "pixel column", "zh": "像素列"},
    "why.mix_vector": {"en": "X[:, {i}, {j}] (channels)", "zh": "X[:, {i}, {j}]（各通道）"},
    "why.mix_weights": {"en": "1×1 weights (O×C)", "zh": "1×1 权重（O×C）"},
    "why.mix_result": {"en": "Y[:, {i}, {j}]", "zh": "Y[:, {i}, {j}]"},
    "why.mix_out_title": {"en": "1×1 output Y[{o}]", "zh": "1×1 输出 Y[{o}]"},
    "why.mix_arith": {"en": "Y[{o}, {i}, {j}] = {arith}", "zh": "Y[{o}, {i}, {j}] = {arith}"},
    # --- summary
    "why.summary_header": {"en": "Summary", "zh": "总结"},
    "why.summary": {
        "en": (
            "- Translation invariance: the image is processed the same way everywhere, whatever the position.\n"
            "- Locality: a hidden value needs only a small local patch of pixels.\n"
            "- A convolutional layer usually needs far fewer parameters than a fully connected layer, and still gives useful models.\n"
            "- Multiple input and output channels let the model capture several aspects of the image at every position."
        ),
        "zh": (
            "- 图像的平移不变性使我们以相同的方式处理局部图像，而不在乎它的位置。\n"
            "- 局部性意味着计算相应的隐藏表示只需一小部分局部图像像素。\n"
            "- 在图像处理中，卷积层通常比全连接层需要更少的参数，但依旧获得高效用的模型。\n"
            "- 多个输入和输出通道使模型在每个空间位置可以获取图像的多方面特征。"
        ),
    },
}
