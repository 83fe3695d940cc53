STRINGS = {
    "padding.intro": {
        "en": (
            "Padding adds zeros around the input so the output can stay as large as the input; the stride "
            "makes the window jump several cells at a time, shrinking the output. Choose n (input), k (kernel), "
            "p (padding), s (stride) and d (dilation) per axis and see the output shape, the chapter's formula "
            "with your numbers, and every window position."
        ),
        "zh": (
            "填充在输入四周补零，使输出可以和输入一样大；步幅让卷积窗口每次滑动多个元素，从而缩小输出。"
            "为每个方向选择 n（输入）、k（卷积核）、p（填充）、s（步幅）和 d（膨胀），"
            "查看输出形状、代入你的数字的书中公式，以及每一个窗口位置。"
        ),
    },
    "padding.presets": {"en": "The chapter's examples", "zh": "书中的例子"},
    "padding.preset_keras1": {"en": "8×8, kernel 3, same", "zh": "8×8，卷积核 3，same"},
    "padding.preset_keras2": {"en": "8×8, kernel (5, 3), same", "zh": "8×8，卷积核 (5, 3)，same"},
    "padding.preset_keras3": {"en": "8×8, kernel 3, same, stride 2", "zh": "8×8，卷积核 3，same，步幅 2"},
    "padding.preset_keras4": {"en": "8×8, kernel (3, 5), valid, stride (3, 4)", "zh": "8×8，卷积核 (3, 5)，valid，步幅 (3, 4)"},
    "padding.preset_pad_fig": {"en": "Padding figure: 3×3 padded to 5×5", "zh": "填充图：3×3 填充为 5×5"},
    "padding.preset_stride_fig": {"en": "Stride figure: padding 1, stride (3, 2)", "zh": "步幅图：填充 1，步幅 (3, 2)"},
    "padding.preset_help": {"en": "The chapter's output shape: {shape}", "zh": "书中的输出形状：{shape}"},
    "padding.controls": {"en": "Settings", "zh": "设置"},
    "padding.tie": {"en": "Same values for height and width", "zh": "高和宽使用相同的值"},
    "padding.tie_help": {
        "en": (
            "The width takes the height's values (and every side the top padding); the page says which values "
            "this changes. The chapter writes padding p and stride s when p_h = p_w and s_h = s_w."
        ),
        "zh": "宽使用高的值（各边填充使用顶部填充的值），页面会说明改变了哪些值。当 p_h = p_w、s_h = s_w 时，书中把填充写作 p、步幅写作 s。",
    },
    "padding.tie_notice": {
        "en": "Tying copied the height's values to the width: {changes}. Untick “{tie}” to set the width on its own.",
        "zh": "勾选后，宽使用了高的值：{changes}。取消勾选“{tie}”即可单独设置宽。",
    },
    "padding.tie_notice_sides": {
        "en": (
            "Tying copied the height's values to the width and the top padding to every side: {changes}. "
            "Untick “{tie}” to set them on their own."
        ),
        "zh": "勾选后，宽使用了高的值，各边填充使用了顶部填充的值：{changes}。取消勾选“{tie}”即可分别设置。",
    },
    "padding.tie_sep": {"en": "; ", "zh": "；"},
    "padding.mode": {"en": "Padding", "zh": "填充"},
    "padding.mode_valid": {"en": "valid (none)", "zh": "valid（不填充）"},
    "padding.mode_same": {"en": "same", "zh": "same"},
    "padding.mode_full": {"en": "full", "zh": "full"},
    "padding.mode_explicit": {"en": "explicit", "zh": "自定义"},
    "padding.mode_help": {
        "en": (
            "valid: no padding (Keras' default). same: TensorFlow/Keras pad so that the output is ⌈n/s⌉; "
            "an odd total puts the extra row at the bottom and the extra column on the right. "
            "full: (k−1)·d zeros on every side. explicit: you give the zero rows on top and bottom and "
            "the zero columns on the left and right."
        ),
        "zh": (
            "valid：不填充（Keras 默认）。same：TensorFlow/Keras 填充到输出为 ⌈n/s⌉；"
            "总数为奇数时，多出的一行填在底部、多出的一列填在右侧。full：每边填充 (k−1)·d。"
            "自定义：分别给出顶部、底部填充的行数和左侧、右侧填充的列数。"
        ),
    },
    "padding.height": {"en": "Height (rows)", "zh": "高（行）"},
    "padding.width": {"en": "Width (columns)", "zh": "宽（列）"},
    "padding.n": {"en": "input n", "zh": "输入 n"},
    "padding.k": {"en": "kernel k", "zh": "卷积核 k"},
    "padding.s": {"en": "stride s", "zh": "步幅 s"},
    "padding.d": {"en": "dilation d", "zh": "膨胀 d"},
    "padding.n_h": {"en": "input n_h", "zh": "输入 n_h"},
    "padding.k_h": {"en": "kernel k_h", "zh": "卷积核 k_h"},
    "padding.s_h": {"en": "stride s_h", "zh": "步幅 s_h"},
    "padding.d_h": {"en": "dilation d_h", "zh": "膨胀 d_h"},
    "padding.n_w": {"en": "input n_w", "zh": "输入 n_w"},
    "padding.k_w": {"en": "kernel k_w", "zh": "卷积核 k_w"},
    "padding.s_w": {"en": "stride s_w", "zh": "步幅 s_w"},
    "padding.d_w": {"en": "dilation d_w", "zh": "膨胀 d_w"},
    "padding.d_help": {
        "en": "Dilation spreads the kernel's taps d cells apart, so it spans (k−1)·d+1 cells. 1 is the chapter's ordinary kernel.",
        "zh": "膨胀让卷积核的各元素相隔 d 个格子，卷积核覆盖 (k−1)·d+1 个格子。1 就是书中普通的卷积核。",
    },
    "padding.p_all": {"en": "padding p on every side", "zh": "每边填充 p"},
    "padding.p_t": {"en": "padding, top", "zh": "填充（顶部）"},
    "padding.p_b": {"en": "padding, bottom", "zh": "填充（底部）"},
    "padding.p_l": {"en": "padding, left", "zh": "填充（左侧）"},
    "padding.p_r": {"en": "padding, right", "zh": "填充（右侧）"},
    "padding.bad_config": {
        "en": "These settings cannot be used: {reason}. Press one of the chapter's examples to start again.",
        "zh": "这些设置无法使用：{reason}。请点击书中的一个例子重新开始。",
    },
    "padding.result": {"en": "Output shape", "zh": "输出形状"},
    "padding.output_shape": {
        "en": "Input {inp} → output shape **{shape}**",
        "zh": "输入 {inp} → 输出形状 **{shape}**",
    },
    "padding.no_fit_rows": {
        "en": (
            "The kernel does not fit the padded input in height: it spans {k_eff} rows (k = {k}, dilation {d}) "
            "but the padded input has only {padded} rows (n = {n} plus padding {p}). "
            "Add padding, or make the kernel or the dilation smaller."
        ),
        "zh": (
            "卷积核在高度方向放不进填充后的输入：它覆盖 {k_eff} 行（k = {k}，膨胀 {d}），"
            "而填充后的输入只有 {padded} 行（n = {n} 加填充 {p}）。请增加填充，或减小卷积核或膨胀。"
        ),
    },
    "padding.no_fit_cols": {
        "en": (
            "The kernel does not fit the padded input in width: it spans {k_eff} columns (k = {k}, dilation {d}) "
            "but the padded input has only {padded} columns (n = {n} plus padding {p}). "
            "Add padding, or make the kernel or the dilation smaller."
        ),
        "zh": (
            "卷积核在宽度方向放不进填充后的输入：它覆盖 {k_eff} 列（k = {k}，膨胀 {d}），"
            "而填充后的输入只有 {padded} 列（n = {n} 加填充 {p}）。请增加填充，或减小卷积核或膨胀。"
        ),
    },
    "padding.word_h": {"en": "height", "zh": "高"},
    "padding.word_w": {"en": "width", "zh": "宽"},
    "padding.word_out": {"en": "output shape", "zh": "输出形状"},
    "padding.formula_note": {
        "en": "The chapter's formula ⌊(n − k + p + s)/s⌋ per axis, p being all the padding of that axis (top + bottom, left + right).",
        "zh": "书中的公式：每个方向 ⌊(n − k + p + s)/s⌋，其中 p 是该方向的全部填充（顶部 + 底部，左侧 + 右侧）。",
    },
    "padding.dilation_note": {
        "en": "With dilation d > 1 the kernel spans k′ = (k − 1)·d + 1 cells, and k′ takes the place of k.",
        "zh": "膨胀 d > 1 时，卷积核覆盖 k′ = (k − 1)·d + 1 个格子，公式中用 k′ 代替 k。",
    },
    "padding.same_note": {
        "en": "“same” in TensorFlow/Keras: the output is ⌈n/s⌉; the total padding is split with the smaller half on top/left, so an odd total puts the extra row at the bottom and the extra column on the right.",
        "zh": "TensorFlow/Keras 的 “same”：输出为 ⌈n/s⌉；总填充中较小的一半放在顶部/左侧，所以总数为奇数时多出的一行在底部、多出的一列在右侧。",
    },
    "padding.full_note": {
        "en": "“full”: (k − 1)·d zeros on every side, so every window that touches the input at all is computed.",
        "zh": "“full”：每边填充 (k − 1)·d，所以凡是与输入有重叠的窗口都会被计算。",
    },
    "padding.tf_stride_dilation": {
        "en": "TensorFlow's conv2d and Keras' Conv2D refuse a stride above 1 together with a dilation above 1; the shape here is still correct for the definition.",
        "zh": "TensorFlow 的 conv2d 和 Keras 的 Conv2D 不接受步幅大于 1 同时膨胀大于 1；这里的形状按定义计算仍然正确。",
    },
    "padding.grid_title": {"en": "The padded input and the windows the stride visits", "zh": "填充后的输入与步幅经过的窗口"},
    "padding.grid_fig_title": {"en": "Padded input {shape}", "zh": "填充后的输入 {shape}"},
    "padding.out_fig_title": {"en": "Output {shape}", "zh": "输出 {shape}"},
    "padding.grid_caption": {
        "en": (
            "Blue: the input. Grey: padding (zeros). Orange: input cells that no window reads (the stride jumps "
            "over them, or the last window does not fit). Each dark dot is the top-left cell of one window; hover "
            "it to see which output cell it computes. Red: the first window; dotted: the others. Rows and columns "
            "are counted on the padded grid, so window (i, j) starts at row i·s_h, column j·s_w."
        ),
        "zh": (
            "蓝色：输入。灰色：填充（零）。橙色：没有任何窗口读取的输入格子（步幅跳过了它们，或最后一个窗口放不下）。"
            "每个深色圆点是一个窗口的左上角格子；把鼠标移到上面可看到它计算哪个输出元素。红色：第一个窗口；虚线：其余窗口。"
            "行列按填充后的网格编号，所以窗口 (i, j) 从第 i·s_h 行、第 j·s_w 列开始。"
        ),
    },
    "padding.too_big": {
        "en": "The padded input is {shape}: too large to draw cell by cell (the grid is drawn up to {limit} per side). The shape and the formula above are still exact; make n smaller to see the grid.",
        "zh": "填充后的输入为 {shape}：太大，无法逐格绘制（每边最多绘制 {limit} 格）。上面的形状和公式仍然准确；减小 n 即可看到网格。",
    },
    "padding.seed_values": {
        "en": "With the chapter's numbers, input X = [[0, 1, 2], [3, 4, 5], [6, 7, 8]] and kernel K = [[0, 1], [2, 3]], each output element is:",
        "zh": "用书中的数字，输入 X = [[0, 1, 2], [3, 4, 5], [6, 7, 8]]，卷积核 K = [[0, 1], [2, 3]]，每个输出元素为：",
    },
    "padding.fig_input": {"en": "input", "zh": "输入"},
    "padding.fig_padding": {"en": "padding (zeros)", "zh": "填充（零）"},
    "padding.fig_unread": {"en": "input no window reads", "zh": "没有窗口读取的输入"},
    "padding.fig_origin": {"en": "window top-left", "zh": "窗口左上角"},
    "padding.fig_first": {"en": "first window", "zh": "第一个窗口"},
    "padding.fig_windows": {"en": "other windows", "zh": "其余窗口"},
    "padding.fig_taps": {"en": "kernel taps (dilation)", "zh": "卷积核元素（膨胀）"},
    "padding.fig_output": {"en": "output", "zh": "输出"},
    "padding.fig_cell": {"en": "row %{y}, col %{x}", "zh": "第 %{y} 行，第 %{x} 列"},
    "padding.fig_window_hover": {
        "en": "window for output (%{customdata[0]}, %{customdata[1]})<br>top-left: row %{y}, col %{x}",
        "zh": "计算输出 (%{customdata[0]}, %{customdata[1]}) 的窗口<br>左上角：第 %{y} 行，第 %{x} 列",
    },
    "padding.fig_out_hover": {"en": "output (%{y}, %{x})", "zh": "输出 (%{y}, %{x})"},
    "padding.fig_layer": {"en": "layer", "zh": "层"},
    "padding.fig_size_h": {"en": "output height", "zh": "输出高度"},
    "padding.fig_size_w": {"en": "output width", "zh": "输出宽度"},
    "padding.fig_rf_h": {"en": "receptive field (rows)", "zh": "感受野（行）"},
    "padding.fig_rf_w": {"en": "receptive field (columns)", "zh": "感受野（列）"},
    "padding.keras_title": {"en": "The chapter's Keras examples", "zh": "书中的 Keras 例子"},
    "padding.keras_intro": {
        "en": "The chapter applies these Keras layers (tf.keras.layers.Conv2D) to an 8×8 input. Our shapes come from the formula; press the button to let Keras compute its own (TensorFlow loads the first time, a few seconds).",
        "zh": "书中把这些 Keras 层（tf.keras.layers.Conv2D）用在 8×8 的输入上。我们的形状来自公式；点击按钮让 Keras 自己计算（第一次需要几秒钟加载 TensorFlow）。",
    },
    "padding.col_layer": {"en": "layer", "zh": "层"},
    "padding.col_seed": {"en": "chapter", "zh": "书中"},
    "padding.col_ours": {"en": "formula", "zh": "公式"},
    "padding.col_keras": {"en": "Keras", "zh": "Keras"},
    "padding.keras_yours": {"en": "your settings, input {inp}: {layer}", "zh": "当前设置，输入 {inp}：{layer}"},
    "padding.keras_refused": {"en": "refused (see below)", "zh": "拒绝（见下方）"},
    "padding.keras_refusal": {"en": "Keras refuses {layer}: {error}", "zh": "Keras 拒绝 {layer}：{error}"},
    "padding.keras_button": {"en": "Check with Keras", "zh": "用 Keras 检查"},
    "padding.keras_agree": {"en": "Keras gives the same output shapes.", "zh": "Keras 给出相同的输出形状。"},
    "padding.keras_disagree": {"en": "Keras disagrees with the formula on at least one row.", "zh": "至少有一行 Keras 的结果与公式不同。"},
    "padding.keras_pending_yours": {
        "en": "Keras gives the formula's output shapes on the rows it has checked, but your settings are not checked yet: press “{button}”.",
        "zh": "在已检查的行上，Keras 给出与公式相同的输出形状；但当前设置还没有检查：请点击“{button}”。",
    },
    "padding.keras_pending_rows": {
        "en": "Keras gives the formula's output shapes on the rows it has checked; {n} of the {total} rows are not checked yet: press “{button}”.",
        "zh": "在已检查的行上，Keras 给出与公式相同的输出形状；{total} 行中还有 {n} 行没有检查：请点击“{button}”。",
    },
    "padding.keras_only_valid_same": {
        "en": "Keras' Conv2D takes padding “valid” or “same” only; for other padding the code below adds the zeros with tf.nn.conv2d.",
        "zh": "Keras 的 Conv2D 只接受 “valid” 或 “same” 填充；其他填充请看下方代码中的 tf.nn.conv2d。",
    },
    "padding.stack_title": {"en": "Layer stack: output shape and receptive field", "zh": "多层堆叠：输出形状与感受野"},
    "padding.stack_intro": {
        "en": "Each layer shrinks (or keeps) the shape; each output cell of a deeper layer sees a larger patch of the input, its receptive field. The chapter: a 240×240 image after ten 5×5 layers is 200×200. Add, edit or delete rows in the first table; the second gives, for each layer, the zeros it adds (top+bottom, left+right), its output shape and its receptive field.",
        "zh": "每一层都会缩小（或保持）形状；越深的层，每个输出元素看到的输入区域越大，即它的感受野。书中：240×240 的图像经过 10 层 5×5 的卷积后变为 200×200。可在第一个表格中添加、修改或删除行；第二个表格给出每一层补的零（上+下，左+右）、它的输出形状和感受野。",
    },
    "padding.stack_seed": {"en": "Chapter: 240×240, ten 5×5 layers", "zh": "书中：240×240，10 层 5×5"},
    "padding.stack_same": {"en": "The same with padding “same”", "zh": "同上，但填充为 “same”"},
    "padding.stack_clear": {"en": "Remove all layers", "zh": "删除所有层"},
    "padding.stack_nh": {"en": "input height", "zh": "输入高度"},
    "padding.stack_nw": {"en": "input width", "zh": "输入宽度"},
    "padding.col_layer_no": {"en": "layer", "zh": "层"},
    "padding.col_kernel": {"en": "kernel", "zh": "卷积核"},
    "padding.col_stride": {"en": "stride", "zh": "步幅"},
    "padding.col_padding": {"en": "padding", "zh": "填充"},
    "padding.col_int_help": {"en": "a whole number from {lo} to {hi}", "zh": "{lo} 到 {hi} 之间的整数"},
    "padding.col_padding_help": {
        "en": "valid, same, full, or a number p of zeros on every side",
        "zh": "valid、same、full，或每边填充的零的个数 p",
    },
    "padding.col_dilation": {"en": "dilation", "zh": "膨胀"},
    "padding.col_pads": {"en": "zeros added", "zh": "补零"},
    "padding.col_out": {"en": "output shape", "zh": "输出形状"},
    "padding.col_rf": {"en": "receptive field", "zh": "感受野"},
    "padding.stack_err_blank": {
        "en": "Layer {row}: the {column} is empty; type a whole number from {lo} to {hi}.",
        "zh": "第 {row} 层：{column}为空；请输入 {lo} 到 {hi} 之间的整数。",
    },
    "padding.stack_err_not_int": {
        "en": "Layer {row}: the {column} {text} is not a whole number; type one from {lo} to {hi}.",
        "zh": "第 {row} 层：{column} {text} 不是整数；请输入 {lo} 到 {hi} 之间的整数。",
    },
    "padding.stack_err_range": {
        "en": "Layer {row}: the {column} {text} is out of range; use a whole number from {lo} to {hi}.",
        "zh": "第 {row} 层：{column} {text} 超出范围；请使用 {lo} 到 {hi} 之间的整数。",
    },
    "padding.stack_err_padding": {
        "en": "Layer {row}: the padding {text} is not valid; use valid, same, full or a whole number from {lo} to {hi}.",
        "zh": "第 {row} 层：填充 {text} 无效；请使用 valid、same、full 或 {lo} 到 {hi} 之间的整数。",
    },
    "padding.stack_too_many": {"en": "A stack may have at most {n} layers; delete some rows.", "zh": "最多 {n} 层；请删除一些行。"},
    "padding.stack_empty": {"en": "No layers yet: add a row to the table, or press one of the buttons above.", "zh": "还没有层：在表格中添加一行，或点击上面的按钮。"},
    "padding.stack_summary": {
        "en": "After {n} layers, the {inp} input becomes **{out}**; each output cell sees a **{rf}** patch of the input (its receptive field).",
        "zh": "经过 {n} 层后，{inp} 的输入变为 **{out}**；每个输出元素看到输入中 **{rf}** 的区域（它的感受野）。",
    },
    "padding.stack_fail": {
        "en": "Layer {layer} does not fit: its input is {inp} ({padded} after padding), smaller than its kernel, which spans {kernel}. Delete that layer, give it padding (e.g. same), or use a smaller kernel, stride or dilation before it.",
        "zh": "第 {layer} 层放不下：它的输入是 {inp}（填充后 {padded}），比覆盖 {kernel} 的卷积核还小。请删除该层、为它加填充（例如 same），或在它之前使用更小的卷积核、步幅或膨胀。",
    },
}
