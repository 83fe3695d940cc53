STRINGS = {
    "app.title": {"en": "ConvLab", "zh": "ConvLab"},
    "app.tagline": {
        "en": "See how convolution works: every example of the chapter, step by step.",
        "zh": "看见卷积如何运作：本章的每个例子，一步一步。",
    },
    "app.language": {"en": "Language", "zh": "语言"},
    "app.sidebar_about": {
        "en": "Follows *Dive into Deep Learning*, “Convolutional Neural Networks” (TensorFlow edition).",
        "zh": "内容依据《动手学深度学习》“卷积神经网络”一章（TensorFlow 版）。",
    },
    "page.home": {"en": "Home", "zh": "首页"},
    "page.why": {"en": "Why convolution", "zh": "为什么用卷积"},
    "page.stepper": {"en": "Cross-correlation, step by step", "zh": "互相关运算，一步一步"},
    "page.padding": {"en": "Padding and stride", "zh": "填充和步幅"},
    "page.edges": {"en": "Edge detection", "zh": "边缘检测"},
    "page.training": {"en": "Learning a kernel", "zh": "学习卷积核"},
    "common.code": {"en": "Code for this configuration", "zh": "当前配置的代码"},
    "common.code_tf": {"en": "TensorFlow / Keras", "zh": "TensorFlow / Keras"},
    "common.code_convcore": {"en": "convcore (this app's library)", "zh": "convcore（本应用的库）"},
    "common.url_warning": {
        "en": "The link's value for “{name}” ({value}) is not valid: {reason} Using the default instead.",
        "zh": "链接中“{name}”的值（{value}）无效：{reason} 已改用默认值。",
    },
    "common.download_csv": {"en": "Download CSV", "zh": "下载 CSV"},
    "common.download_npy": {"en": "Download .npy", "zh": "下载 .npy"},
    "common.rows": {"en": "rows", "zh": "行数"},
    "common.editor_hint": {"en": "Click a cell to type a number.", "zh": "点击单元格输入数字。"},
    "common.cols": {"en": "columns", "zh": "列数"},
    "common.cell_error": {
        "en": "{name}: {reason}",
        "zh": "{name}：{reason}",
    },
    "common.not_a_number": {
        "en": "cell [{row}, {col}]: {text} is not a number; type a number such as 2, -1 or 0.5.",
        "zh": "元素 [{row}, {col}]：{text} 不是数字；请输入数字，例如 2、-1 或 0.5。",
    },
    "common.blank": {
        "en": "cell [{row}, {col}] is empty; type a number (0 for nothing).",
        "zh": "元素 [{row}, {col}] 为空；请输入数字（没有就填 0）。",
    },
    "common.comma": {
        "en": "cell [{row}, {col}]: {text} is ambiguous or not a number; write decimals with a point or one comma (1.5 or 1,5) and thousands without a separator (1000).",
        "zh": "元素 [{row}, {col}]：{text} 有歧义或不是数字；小数请写小数点或一个逗号（1.5 或 1,5），千位不要加分隔符（1000）。",
    },
    "common.not_finite": {
        "en": "cell [{row}, {col}]: {text} is not a finite number; use an ordinary number.",
        "zh": "元素 [{row}, {col}]：{text} 不是有限数；请使用普通数字。",
    },
    "url.not_whole": {"en": "{text} is not a whole number.", "zh": "{text} 不是整数。"},
    "url.not_number": {"en": "{text} is not a number.", "zh": "{text} 不是数字。"},
    "url.range": {"en": "it must be between {lo} and {hi}.", "zh": "它必须在 {lo} 和 {hi} 之间。"},
    "url.choice": {"en": "it must be one of {choices}.", "zh": "它必须是以下之一：{choices}。"},
    "url.bool": {"en": "it must be 1 or 0.", "zh": "它必须是 1 或 0。"},
    "url.matrix_size": {
        "en": "it may have at most {rows} rows and {cols} columns.",
        "zh": "它最多只能有 {rows} 行、{cols} 列。",
    },
    "url.matrix_cells": {
        "en": "it needs rows of equal length holding numbers between −1000000 and 1000000.",
        "zh": "它需要等长的行，每个元素都是 −1000000 到 1000000 之间的数字。",
    },
    "url.stack": {
        "en": "it needs layers written kernel,stride,padding,dilation (e.g. 5,1,valid,1), at most {layers} of them.",
        "zh": "它需要按 卷积核,步幅,填充,膨胀 写出的层（例如 5,1,valid,1），最多 {layers} 层。",
    },
    "common.too_large": {
        "en": "cell [{row}, {col}]: {text} is too large; use numbers between −1000000 and 1000000.",
        "zh": "元素 [{row}, {col}]：{text} 太大；请使用 −1000000 到 1000000 之间的数字。",
    },
    "common.tf_loading": {"en": "Loading TensorFlow (first time only)…", "zh": "正在加载 TensorFlow（仅第一次）……"},
    "common.tf_missing": {
        "en": "TensorFlow is not installed here, so this check cannot run: {error}",
        "zh": "此处未安装 TensorFlow，无法运行此检查：{error}",
    },
    "common.hover_cell": {"en": "row %{y}, col %{x}: %{z:.4g}", "zh": "第 %{y} 行，第 %{x} 列：%{z:.4g}"},
}
