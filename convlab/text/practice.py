STRINGS = {
    "page.practice": {"en": "Practice", "zh": "练习"},
    # --- the practice page ---------------------------------------------------------------
    "practice.intro": {
        "en": (
            "Ten questions on the whole chapter: **predict** the answer, check it, then read the worked "
            "solution and open the page that shows it. Everyone who opens this page's address gets the "
            "same ten questions in the same order; your answers and score stay on your screen."
        ),
        "zh": (
            "关于整章的十道题：先**预测**答案，再检查，然后阅读解答过程，并打开展示它的页面。"
            "打开同一个网址的每个人都会得到顺序相同的同样十道题；你的答案和得分只留在你自己的屏幕上。"
        ),
    },
    "practice.share": {
        "en": "Set {set}. Send this address to a class: everyone gets the same questions.",
        "zh": "题组 {set}。把这个网址发给全班：每个人都会得到同样的题目。",
    },
    "practice.bad_set": {
        "en": "The link's set {value} is not valid: {reason} Here is set {seed} instead.",
        "zh": "链接中的题组 {value} 无效：{reason} 已改用题组 {seed}。",
    },
    "practice.progress": {
        "en": "Question {n} of {total} · {right} right of {answered} answered",
        "zh": "第 {n} 题，共 {total} 题 · 已答 {answered} 题，答对 {right} 题",
    },
    "practice.question_title": {"en": "Question {n}: {kind}", "zh": "第 {n} 题：{kind}"},
    "practice.previous": {"en": "Previous", "zh": "上一题"},
    "practice.next": {"en": "Next", "zh": "下一题"},
    "practice.done": {
        "en": "Set finished: **{right} of {total}** right. Start over to try the same questions again, or take a new set.",
        "zh": "本组完成：答对 **{right} / {total}** 题。可以重新开始再做同样的题目，或换一组新题。",
    },
    "practice.start_over": {"en": "Start over (same questions)", "zh": "重新开始（同样的题目）"},
    "practice.new_set": {"en": "New set", "zh": "换一组新题"},
    "practice.status_todo": {"en": "not answered", "zh": "未作答"},
    "practice.status_right": {"en": "right", "zh": "答对"},
    "practice.status_wrong": {"en": "wrong", "zh": "答错"},
    "practice.strip_hover": {"en": "Question {n}: {status}", "zh": "第 {n} 题：{status}"},
    "practice.kind_output_shape": {"en": "output shape", "zh": "输出形状"},
    "practice.kind_receptive_field": {"en": "receptive field", "zh": "感受野"},
    "practice.kind_cell_value": {"en": "one output value", "zh": "一个输出元素"},
    "practice.kind_cells_read": {"en": "which cells a window reads", "zh": "窗口读取哪些元素"},
    "practice.kind_which_kernel": {"en": "which kernel", "zh": "哪个卷积核"},
    "practice.kind_param_count": {"en": "parameter counts", "zh": "参数数量"},
    "practice.kind_lr_verdict": {"en": "learning rate", "zh": "学习率"},
    "practice.kind_transpose_shape": {"en": "transposed convolution's shape", "zh": "转置卷积的输出形状"},
    "practice.kind_pooled_cell": {"en": "one pooled value", "zh": "一个汇聚输出"},
    "practice.kind_group_params": {"en": "grouped convolution's parameters", "zh": "分组卷积的参数"},
    # --- one exercise (practice and "Your turn") ----------------------------------------------
    "practice.your_turn": {"en": "Your turn", "zh": "轮到你了"},
    "practice.your_turn_intro": {
        "en": "Predict the answer before you look: check it, then read how it is worked out.",
        "zh": "先预测答案再看：检查答案，然后阅读解答过程。",
    },
    "practice.new_exercise": {"en": "New exercise", "zh": "换一道题"},
    "practice.your_answer": {"en": "Your answer", "zh": "你的答案"},
    "practice.choose_cells": {
        "en": "Select every cell it reads: (row, column) of the padded input, counted from 0.",
        "zh": "选出它读取的每个元素：填充后输入中的（行, 列），从 0 开始计数。",
    },
    "practice.row_label": {"en": "row {r}", "zh": "第 {r} 行"},
    "practice.placeholder_number": {"en": "a number, e.g. 19 or 1e6", "zh": "一个数，例如 19 或 1e6"},
    "practice.placeholder_shape": {"en": "rows × columns, e.g. 8×8", "zh": "行数 × 列数，例如 8×8"},
    "practice.tolerance_rel": {"en": "Answers within {pct}% count.", "zh": "误差在 {pct}% 以内即算正确。"},
    "practice.tolerance_abs": {
        "en": "Answers within {tol} count; a fraction such as 13/3 works too.",
        "zh": "误差在 {tol} 以内即算正确；也可以输入分数，例如 13/3。",
    },
    "practice.check": {"en": "Check", "zh": "检查"},
    "practice.give_up": {"en": "Show the answer", "zh": "显示答案"},
    "practice.hint": {"en": "Hint", "zh": "提示"},
    "practice.right": {"en": "Right: {given}.", "zh": "正确：{given}。"},
    "practice.wrong": {"en": "Not quite: you said {given}; the answer is **{answer}**.", "zh": "不对：你的答案是 {given}；正确答案是 **{answer}**。"},
    "practice.gave_up": {"en": "The answer is **{answer}**.", "zh": "答案是 **{answer}**。"},
    "practice.solution": {"en": "Worked solution", "zh": "解答过程"},
    "practice.open_view": {"en": "See it on “{page}”", "zh": "在“{page}”中查看"},
    "practice.err_empty": {"en": "Type or choose an answer first.", "zh": "请先输入或选择答案。"},
    "practice.err_not_number": {
        "en": "{text} is not a number; type a number such as 19, -2.5 or 1e6.",
        "zh": "{text} 不是数字；请输入数字，例如 19、-2.5 或 1e6。",
    },
    "practice.err_not_finite": {"en": "{text} is not a finite number; type an ordinary number.", "zh": "{text} 不是有限数；请输入普通数字。"},
    "practice.err_not_shape": {
        "en": "{text} is not a shape; type two whole numbers, rows and columns, such as 8×8, 8x8, (8, 8), 8,8 or 8 8.",
        "zh": "{text} 不是形状；请输入两个整数（行数和列数），例如 8×8、8x8、(8, 8)、8,8 或 8 8。",
    },
    "practice.err_not_whole": {
        "en": "{text}: a shape counts rows and columns in whole numbers, such as 8×8.",
        "zh": "{text}：形状的行数和列数都是整数，例如 8×8。",
    },
    "practice.err_no_cells": {"en": "Select at least one cell first.", "zh": "请先选择至少一个元素。"},
    "practice.err_no_choice": {"en": "Choose one of the answers first.", "zh": "请先选择一个答案。"},
    # --- output shape ------------------------------------------------------------------------
    "practice.q_shape_setup": {
        "en": "An input of {n}, a kernel of {k}, padding {padding}, stride {s}, dilation {d}.",
        "zh": "输入 {n}，卷积核 {k}，填充 {padding}，步幅 {s}，膨胀 {d}。",
    },
    "practice.pad_sides": {"en": "(top, bottom, left, right) = {pads}", "zh": "（上、下、左、右）= {pads}"},
    "practice.pad_valid": {"en": "“valid” (none)", "zh": "“valid”（不填充）"},
    "practice.pad_same": {"en": "“same” (TensorFlow's rule)", "zh": "“same”（TensorFlow 的规则）"},
    "practice.pad_full": {"en": "“full” ((k − 1)·d on every side)", "zh": "“full”（每侧 (k − 1)·d）"},
    "practice.q_shape": {"en": "What is the output shape (rows × columns)?", "zh": "输出形状是多少（行数 × 列数）？"},
    "practice.hint_shape": {
        "en": "Per axis, the chapter's formula ⌊(n − k + p + s)/s⌋, with p the padding of both sides together "
              "(and, with a dilation d, k′ = (k − 1)·d + 1 in place of k). *Padding and stride* writes it out with your numbers.",
        "zh": "每个方向用书中的公式 ⌊(n − k + p + s)/s⌋，p 是两侧填充之和（膨胀为 d 时用 k′ = (k − 1)·d + 1 代替 k）。"
              "“填充和步幅”页面会代入你的数字逐步写出。",
    },
    "practice.sol_same": {
        "en": "TensorFlow's “same” pads max((⌈n/s⌉ − 1)·s + k′ − n, 0) in total on each axis, the smaller half on "
              "top (left), the extra row (column) at the bottom (right); the output is ⌈n/s⌉.",
        "zh": "TensorFlow 的“same”在每个方向共填充 max((⌈n/s⌉ − 1)·s + k′ − n, 0)，较少的一半在上（左），"
              "多出的一行（列）在下（右）；输出为 ⌈n/s⌉。",
    },
    # --- receptive field ---------------------------------------------------------------------
    "practice.q_rf_setup": {
        "en": "A {n} input goes through these square convolutional layers, first to last:",
        "zh": "一个 {n} 的输入依次经过下面这些正方形卷积层：",
    },
    "practice.q_rf": {
        "en": "One output cell of the last layer depends on how many input rows × columns (its receptive field)?",
        "zh": "最后一层的一个输出元素依赖输入中多少行 × 多少列（它的感受野）？",
    },
    "practice.hint_rf": {
        "en": "Start from r = 1 and jump j = 1; each layer adds (k − 1)·d·j to r, then multiplies j by its stride. "
              "Padding changes the shape, not r. The layer-stack calculator on *Padding and stride* lists r layer by layer.",
        "zh": "从 r = 1、间隔 j = 1 开始；每一层让 r 加上 (k − 1)·d·j，再把 j 乘以它的步幅。填充只改变形状，不改变 r。"
              "“填充和步幅”页面的多层计算器逐层列出 r。",
    },
    "practice.sol_rf_start": {"en": "Before the first layer: r = 1, j = 1.", "zh": "第一层之前：r = 1，j = 1。"},
    "practice.sol_rf_layer": {
        "en": "Layer {n} (kernel {k}, dilation {d}, stride {s}): r = {r} + ({k} − 1)·{d}·{j} = {r1}; j = {j}·{s} = {j1}.",
        "zh": "第 {n} 层（卷积核 {k}，膨胀 {d}，步幅 {s}）：r = {r} + ({k} − 1)·{d}·{j} = {r1}；j = {j}·{s} = {j1}。",
    },
    "practice.sol_rf_result": {"en": "Receptive field: **{rf}**.", "zh": "感受野：**{rf}**。"},
    # --- one output value ------------------------------------------------------------------------
    "practice.q_value_setup": {
        "en": "{op}, padding (rows, columns on each side) {pad}, stride {s}, dilation {d}.",
        "zh": "{op}，填充（每侧的行数、列数）{pad}，步幅 {s}，膨胀 {d}。",
    },
    "practice.op_corr": {"en": "Cross-correlation (the kernel as it is)", "zh": "互相关运算（卷积核不翻转）"},
    "practice.op_conv": {"en": "True convolution (the kernel flipped)", "zh": "严格卷积运算（翻转卷积核）"},
    "practice.grid_flipped": {"en": "flipped kernel", "zh": "翻转后的卷积核"},
    "practice.q_value": {"en": "What is Y[{i}, {j}]?", "zh": "Y[{i}, {j}] 是多少？"},
    "practice.hint_value_corr": {
        "en": "The window of Y[i, j] starts at row i·(row stride), column j·(column stride) of the padded input; "
              "multiply what it covers by K element-wise and add. *Cross-correlation, step by step* writes every sum out.",
        "zh": "Y[i, j] 的窗口从填充后输入的第 i·（垂直步幅）行、第 j·（水平步幅）列开始；把它覆盖的元素与 K 按元素相乘再求和。"
              "“互相关运算，一步一步”页面写出每个和。",
    },
    "practice.hint_value_conv": {
        "en": "True convolution flips K on both axes (upside down and left to right), then cross-correlates. "
              "*Cross-correlation, step by step* shows the flipped kernel and writes every sum out.",
        "zh": "严格卷积运算先把 K 上下、左右翻转，再做互相关运算。“互相关运算，一步一步”页面显示翻转后的卷积核并写出每个和。",
    },
    "practice.sol_window": {
        "en": "The window of Y[{i}, {j}] starts at row {i}·{sh} = {r}, column {j}·{sw} = {c} of the padded input.",
        "zh": "Y[{i}, {j}] 的窗口从填充后输入的第 {i}·{sh} = {r} 行、第 {j}·{sw} = {c} 列开始。",
    },
    # --- cells read ------------------------------------------------------------------------------
    "practice.grid_padded": {"en": "padded input (zeros around X)", "zh": "填充后的输入（X 四周补零）"},
    "practice.grid_read": {"en": "cells read (1)", "zh": "读取的元素（1）"},
    "practice.q_cells_setup": {
        "en": "Cross-correlation with a {k} kernel, padding (rows, columns on each side) {pad}, stride {s}, dilation {d}.",
        "zh": "用 {k} 的卷积核做互相关运算，填充（每侧的行数、列数）{pad}，步幅 {s}，膨胀 {d}。",
    },
    "practice.q_cells": {"en": "Which cells of the padded input does Y[{i}, {j}] read?", "zh": "Y[{i}, {j}] 读取填充后输入中的哪些元素？"},
    "practice.hint_cells": {
        "en": "The window starts at row i·(row stride), column j·(column stride); with a dilation d its taps are d rows "
              "(columns) apart. On *Cross-correlation, step by step*, choose the output cell: the page lists the cells it reads.",
        "zh": "窗口从第 i·（垂直步幅）行、第 j·（水平步幅）列开始；膨胀为 d 时，相邻的卷积核元素相隔 d 行（列）。"
              "在“互相关运算，一步一步”页面选择这个输出元素，页面会列出它读取的元素。",
    },
    "practice.sol_cells_origin": {
        "en": "The window of Y[{i}, {j}] starts at row {i}·{sh} = {r}, column {j}·{sw} = {c}; its taps are {dh} row(s) "
              "and {dw} column(s) apart (the dilation).",
        "zh": "Y[{i}, {j}] 的窗口从第 {i}·{sh} = {r} 行、第 {j}·{sw} = {c} 列开始；卷积核元素之间相隔 {dh} 行、{dw} 列（膨胀）。",
    },
    "practice.sol_cells": {"en": "Y[{i}, {j}] reads {cells}.", "zh": "Y[{i}, {j}] 读取 {cells}。"},
    # --- which kernel ----------------------------------------------------------------------------
    "practice.grid_picture": {"en": "picture X", "zh": "图像 X"},
    "practice.grid_output": {"en": "output Y", "zh": "输出 Y"},
    "practice.q_kernel_setup": {
        "en": "Cross-correlating the picture X with one of the kernel presets (“valid” padding) gave the output Y.",
        "zh": "用某个预设卷积核对图像 X 做互相关运算（“valid” 填充），得到输出 Y。",
    },
    "practice.q_kernel": {"en": "Which kernel was it?", "zh": "是哪个卷积核？"},
    "practice.kernel_option": {"en": "{name}: {K}", "zh": "{name}：{K}"},
    "practice.hint_kernel": {
        "en": "Compute one output cell with each kernel, where the picture changes: only one of them gives Y's value. "
              "*Edge detection* shows every preset's output.",
        "zh": "在图像发生变化的地方，用每个卷积核算一个输出元素：只有一个能得到 Y 中的值。“边缘检测”页面展示每个预设的输出。",
    },
    "practice.sol_kernel": {"en": "It was **{name}**: K = {K}.", "zh": "是 **{name}**：K = {K}。"},
    "practice.sol_other_shape": {"en": "{name} would give an output of {shape}.", "zh": "{name} 会得到 {shape} 的输出。"},
    "practice.sol_other_value": {"en": "{name} would give Y[{i}, {j}] = {v}.", "zh": "{name} 会得到 Y[{i}, {j}] = {v}。"},
    # --- parameter counts ------------------------------------------------------------------------
    "practice.q_params_setup": {
        "en": "An image of {image} pixels (one channel) maps to a hidden representation of {hidden} units (one channel). "
              "The convolution has one {k} kernel; every hidden unit of the fully connected layer has its own bias, "
              "the convolution one shared bias.",
        "zh": "一张 {image} 像素的图像（单通道）映射到 {hidden} 个单元的隐藏表示（单通道）。卷积层只有一个 {k} 的卷积核；"
              "全连接层的每个隐藏单元各有一个偏置，卷积层共用一个偏置。",
    },
    "practice.q_params_dense": {
        "en": "How many parameters (weights and biases) does the fully connected layer have?",
        "zh": "全连接层有多少个参数（权重和偏置）？",
    },
    "practice.q_params_conv": {
        "en": "How many parameters (weights and bias) does the convolutional layer have?",
        "zh": "卷积层有多少个参数（权重和偏置）？",
    },
    "practice.q_params_ratio": {
        "en": "How many times as many parameters as the convolutional layer does the fully connected layer have?",
        "zh": "全连接层的参数是卷积层的多少倍？",
    },
    "practice.hint_params": {
        "en": "Fully connected: a weight for every (pixel, hidden unit) pair and a bias per hidden unit. "
              "Convolution: k·k shared weights and one bias. *Why convolution* counts both.",
        "zh": "全连接层：每对（像素, 隐藏单元）一个权重，每个隐藏单元一个偏置。卷积层：k·k 个共享权重加一个偏置。"
              "“为什么用卷积”页面计算这两者。",
    },
    "practice.sol_dense": {
        "en": "Fully connected: {n_in} pixels × {n_hidden} hidden units + {n_hidden} biases = {total}.",
        "zh": "全连接层：{n_in} 个像素 × {n_hidden} 个隐藏单元 + {n_hidden} 个偏置 = {total}。",
    },
    "practice.sol_conv": {"en": "Convolution: {k}·{k} + 1 = {total}.", "zh": "卷积层：{k}·{k} + 1 = {total}。"},
    "practice.sol_ratio": {"en": "Ratio: {dense} / {conv} ≈ {ratio}.", "zh": "比值：{dense} / {conv} ≈ {ratio}。"},
    # --- learning rate ---------------------------------------------------------------------------
    "practice.q_lr_setup": {
        "en": "Learning a kernel: {problem}, {bias}, plain gradient descent (SGD), learning rate {lr}.",
        "zh": "学习卷积核：{problem}，{bias}，普通梯度下降（SGD），学习率 {lr}。",
    },
    "practice.with_bias": {"en": "with a bias", "zh": "带偏置"},
    "practice.no_bias": {"en": "no bias", "zh": "不带偏置"},
    "practice.q_lr": {"en": "Does the training converge or diverge?", "zh": "训练会收敛还是发散？"},
    "practice.converges": {"en": "converges", "zh": "收敛"},
    "practice.diverges": {"en": "diverges", "zh": "发散"},
    "practice.hint_lr": {
        "en": "The loss is quadratic in the kernel: gradient descent converges exactly when the learning rate is below "
              "2/λmax (λmax: the largest eigenvalue of the loss's Hessian). *Learning a kernel* shows this bound.",
        "zh": "损失是卷积核的二次函数：学习率低于 2/λmax（λmax：损失函数 Hessian 矩阵的最大特征值）时梯度下降才收敛。"
              "“学习卷积核”页面显示这个界。",
    },
    "practice.sol_lr": {
        "en": "Here λmax = {lam}, so the bound is 2/λmax = {bound}; the learning rate {lr} {verdict}",
        "zh": "这里 λmax = {lam}，所以界为 2/λmax = {bound}；学习率 {lr} {verdict}",
    },
    "practice.sol_lr_converges": {"en": "is below it: the training **converges**.", "zh": "低于它：训练**收敛**。"},
    "practice.sol_lr_diverges": {
        "en": "is above it: the loss grows every epoch and the training **diverges**.",
        "zh": "高于它：损失逐轮增长，训练**发散**。",
    },
    # --- transposed convolution: output shape ----------------------------------------------------
    "practice.q_tshape_setup": {
        "en": "A transposed convolution (Keras' Conv2DTranspose): an input of {n}, a kernel of {k}, stride {s}, "
              "padding {padding}, output_padding {op}.",
        "zh": "转置卷积（Keras 的 Conv2DTranspose）：输入 {n}，卷积核 {k}，步幅 {s}，填充 {padding}，output_padding {op}。",
    },
    "practice.tpad_valid": {"en": "“valid” (nothing cropped)", "zh": "“valid”（不裁剪）"},
    "practice.tpad_same": {"en": "“same” (TensorFlow's rule)", "zh": "“same”（TensorFlow 的规则）"},
    "practice.tpad_crop": {
        "en": "p = {p} (rows, columns) cropped from each side (PyTorch's padding)",
        "zh": "每侧裁剪 p = {p}（行、列；PyTorch 的 padding）",
    },
    "practice.top_none": {"en": "None (Keras infers the size)", "zh": "None（由 Keras 推断大小）"},
    "practice.hint_tshape": {
        "en": "Per axis, o = s(i − 1) + k − 2p + output_padding, with p the rows (columns) cropped from each side "
              "(0 for “valid”). Without output_padding, “valid” takes max(k, s) in place of k (Keras) and “same” "
              "gives i·s; with it, “same” gives s(i − 1) + (k mod 2) + output_padding. *Transposed convolution* "
              "writes it out with your numbers.",
        "zh": "每个方向 o = s(i − 1) + k − 2p + output_padding，p 是每侧裁剪的行（列）数（“valid” 为 0）。"
              "不设 output_padding 时，“valid” 用 max(k, s) 代替 k（Keras 的规则），“same” 得到 i·s；"
              "设了 output_padding 时，“same” 得到 s(i − 1) + (k mod 2) + output_padding。"
              "“转置卷积”页面会代入你的数字逐步写出。",
    },
    "practice.sol_tshape_valid": {
        "en": "Per axis o = s(i − 1) + k − 2p + output_padding; “valid” crops nothing (p = 0), and without "
              "output_padding Keras writes the output as s(i − 1) + max(k, s).",
        "zh": "每个方向 o = s(i − 1) + k − 2p + output_padding；“valid” 不裁剪（p = 0），"
              "不设 output_padding 时，Keras 的输出为 s(i − 1) + max(k, s)。",
    },
    "practice.sol_tshape_valid_op": {
        "en": "Per axis o = s(i − 1) + k − 2p + output_padding; “valid” crops nothing (p = 0), and output_padding "
              "adds its rows (columns) at the bottom (right).",
        "zh": "每个方向 o = s(i − 1) + k − 2p + output_padding；“valid” 不裁剪（p = 0），"
              "output_padding 在下方（右侧）补上它的行（列）。",
    },
    "practice.sol_tshape_same": {
        "en": "“same” without output_padding makes the output i·s: TensorFlow crops the canvas s(i − 1) + k "
              "(or pads it) to that size, the smaller half of the crop on top (left).",
        "zh": "不设 output_padding 时，“same” 的输出为 i·s：TensorFlow 把画布 s(i − 1) + k 裁剪（或补齐）到这个大小，"
              "较少的一半裁在上方（左侧）。",
    },
    "practice.sol_tshape_same_op": {
        "en": "Per axis o = s(i − 1) + k − 2p + output_padding, where “same” crops 2p = k − (k mod 2) in all "
              "(TensorFlow's rule): o = s(i − 1) + (k mod 2) + output_padding.",
        "zh": "每个方向 o = s(i − 1) + k − 2p + output_padding，“same” 共裁剪 2p = k − (k mod 2)（TensorFlow 的规则）："
              "o = s(i − 1) + (k mod 2) + output_padding。",
    },
    "practice.sol_tshape_crop": {
        "en": "Per axis o = s(i − 1) + k − 2p + output_padding: cropping p from each side removes 2p rows "
              "(columns).",
        "zh": "每个方向 o = s(i − 1) + k − 2p + output_padding：每侧裁剪 p，共去掉 2p 行（列）。",
    },
    "practice.sol_tshape_keras_rows": {
        "en": "Rows: s = {s} > k = {k}, so Keras' “valid” rule gives (i − 1)s + max(k, s) = {n1}·{s} + {s} = {o}, "
              "not s(i − 1) + k = {short}: s − k = {gap} row(s) of zeros follow the last stamp.",
        "zh": "行方向：s = {s} > k = {k}，所以 Keras 的 “valid” 规则给出 (i − 1)s + max(k, s) = {n1}·{s} + {s} = {o}，"
              "而不是 s(i − 1) + k = {short}：最后一个中间张量之后还有 s − k = {gap} 行零。",
    },
    "practice.sol_tshape_keras_cols": {
        "en": "Columns: s = {s} > k = {k}, so Keras' “valid” rule gives (i − 1)s + max(k, s) = {n1}·{s} + {s} = {o}, "
              "not s(i − 1) + k = {short}: s − k = {gap} column(s) of zeros follow the last stamp.",
        "zh": "列方向：s = {s} > k = {k}，所以 Keras 的 “valid” 规则给出 (i − 1)s + max(k, s) = {n1}·{s} + {s} = {o}，"
              "而不是 s(i − 1) + k = {short}：最后一个中间张量之后还有 s − k = {gap} 列零。",
    },
    "practice.sol_tshape_result": {"en": "Output shape: **{shape}**.", "zh": "输出形状：**{shape}**。"},
    # --- pooling: one output cell ------------------------------------------------------------------
    "practice.q_pool_setup": {
        "en": "Pooling (no weights): {mode}, a {p} window, stride {s}, padding {padding}.",
        "zh": "汇聚层（没有参数）：{mode}，汇聚窗口 {p}，步幅 {s}，填充 {padding}。",
    },
    "practice.hint_pool": {
        "en": "The window of Y[i, j] starts at row i·(row stride), column j·(column stride) of the input, minus the "
              "padding on top (left) with “same”. Max pooling keeps the largest value under it; average pooling adds "
              "the input cells under it and divides by how many there are; padding cells never count. *Pooling* "
              "writes every window out.",
        "zh": "Y[i, j] 的窗口从输入的第 i·（垂直步幅）行、第 j·（水平步幅）列开始（“same” 时再减去上方、左侧的填充）。"
              "最大汇聚取窗口中的最大值；平均汇聚把窗口中的输入元素相加，再除以它们的个数；填充的元素从不计入。"
              "“汇聚层（池化）”页面逐个写出每个窗口。",
    },
    "practice.sol_pool_pads": {
        "en": "“same” pads (top, bottom, left, right) = {pads}, so that each axis gives ⌈n/s⌉ outputs.",
        "zh": "“same” 填充（上、下、左、右）= {pads}，使每个方向得到 ⌈n/s⌉ 个输出。",
    },
    "practice.sol_pool_window_valid": {
        "en": "The window of Y[{i}, {j}] starts at row {i}·{sh} = {r}, column {j}·{sw} = {c}: it covers row(s) {rows} "
              "and column(s) {cols} of X.",
        "zh": "Y[{i}, {j}] 的窗口从第 {i}·{sh} = {r} 行、第 {j}·{sw} = {c} 列开始：覆盖 X 的第 {rows} 行和第 {cols} 列。",
    },
    "practice.sol_pool_window_same": {
        "en": "The window of Y[{i}, {j}] starts at row {i}·{sh} − {top} = {r}, column {j}·{sw} − {left} = {c} of X "
              "(the padding comes first): inside X it covers row(s) {rows} and column(s) {cols}.",
        "zh": "Y[{i}, {j}] 的窗口从 X 的第 {i}·{sh} − {top} = {r} 行、第 {j}·{sw} − {left} = {c} 列开始（先算上填充）："
              "在 X 内它覆盖第 {rows} 行和第 {cols} 列。",
    },
    "practice.grid_window": {"en": "cells in the window (1)", "zh": "窗口中的元素（1）"},
    # --- groups: parameters ------------------------------------------------------------------------
    "practice.q_group_setup": {
        "en": "A grouped convolutional layer from C_in = {cin} to C_out = {cout} channels: {k} × {k} kernels, "
              "groups = {g}{dw}, a bias per output channel.",
        "zh": "一个分组卷积层，从 C_in = {cin} 个通道到 C_out = {cout} 个通道：卷积核 {k} × {k}，groups = {g}{dw}，"
              "每个输出通道一个偏置。",
    },
    "practice.group_depthwise": {"en": " (depthwise: groups = C_in)", "zh": "（深度卷积：groups = C_in）"},
    "practice.q_sep_setup": {
        "en": "A depthwise-separable layer (Keras' SeparableConv2D) from C_in = {cin} to C_out = {cout} channels: "
              "a depthwise {k} × {k} layer (groups = C_in, no bias), then a 1 × 1 layer to the {cout} outputs with "
              "a bias per output channel.",
        "zh": "一个深度可分离卷积层（Keras 的 SeparableConv2D），从 C_in = {cin} 个通道到 C_out = {cout} 个通道："
              "先是 {k} × {k} 的深度卷积（groups = C_in，没有偏置），再是到 {cout} 个输出通道的 1 × 1 卷积，"
              "每个输出通道一个偏置。",
    },
    "practice.q_group": {
        "en": "How many parameters (weights and biases) does it have?",
        "zh": "它有多少个参数（权重和偏置）？",
    },
    "practice.hint_group": {
        "en": "Each output channel reads C_in / groups input channels, so its kernel has (C_in / groups)·k·k weights; "
              "there are C_out such kernels, and one bias per output channel. A depthwise-separable layer is a "
              "depthwise layer (groups = C_in) followed by a 1 × 1 layer. *Groups and depthwise* counts them.",
        "zh": "每个输出通道读取 C_in / groups 个输入通道，所以它的卷积核有 (C_in / groups)·k·k 个权重；"
              "共有 C_out 个这样的卷积核，外加每个输出通道一个偏置。深度可分离卷积是一个深度卷积（groups = C_in）"
              "后接一个 1 × 1 卷积。“分组卷积与深度卷积”页面会计算它们。",
    },
    "practice.sol_group_reads": {
        "en": "With groups = {g}, each output channel reads C_in / groups = {cin} / {g} = {per} input channel(s), "
              "so its kernel has {per}·{k}·{k} = {kw} weights.",
        "zh": "groups = {g} 时，每个输出通道读取 C_in / groups = {cin} / {g} = {per} 个输入通道，"
              "所以它的卷积核有 {per}·{k}·{k} = {kw} 个权重。",
    },
    "practice.sol_group_weights": {
        "en": "Weights: C_out·{kw} = {cout}·{kw} = {weights}; biases: one per output channel, {cout}.",
        "zh": "权重：C_out·{kw} = {cout}·{kw} = {weights}；偏置：每个输出通道一个，共 {cout} 个。",
    },
    "practice.sol_group_total": {
        "en": "Parameters: {weights} + {cout} = **{params}** (a standard layer, groups = 1, would have {std}).",
        "zh": "参数：{weights} + {cout} = **{params}**（标准卷积层，即 groups = 1，有 {std} 个）。",
    },
    "practice.sol_sep_dw": {
        "en": "Depthwise {k} × {k} (groups = C_in = {cin}, no bias): {cin}·{k}·{k} = {dw}.",
        "zh": "深度卷积 {k} × {k}（groups = C_in = {cin}，没有偏置）：{cin}·{k}·{k} = {dw}。",
    },
    "practice.sol_sep_pw": {
        "en": "Pointwise 1 × 1 from {cin} to {cout} channels, with biases: {cin}·{cout} + {cout} = {pw}.",
        "zh": "逐点 1 × 1 卷积，从 {cin} 到 {cout} 个通道，带偏置：{cin}·{cout} + {cout} = {pw}。",
    },
    "practice.sol_sep_total": {
        "en": "Together: {dw} + {pw} = **{params}**; a standard {k} × {k} layer would have {std}.",
        "zh": "合计：{dw} + {pw} = **{params}**；标准的 {k} × {k} 卷积层有 {std} 个。",
    },
}
