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
}
