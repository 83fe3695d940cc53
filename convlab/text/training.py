STRINGS = {
    "training.intro": {
        "en": (
            "Can a convolutional layer **learn** the kernel that turned `X` into `Y`, from the "
            "input–output pair alone? The chapter builds a layer with a random kernel, compares its "
            "output with `Y` (sum of squared errors), takes the gradient with `tf.GradientTape` and "
            "steps the kernel against it with learning rate 3e-2. After 10 epochs the kernel is "
            "close to `[1, −1]`. Press **Train** and watch the loss fall and every weight walk "
            "to its true value (dashed)."
        ),
        "zh": (
            "卷积层能否仅凭“输入-输出”对，**学习**由 `X` 生成 `Y` 的卷积核？书中先构造一个卷积层，"
            "将其卷积核初始化为随机张量；在每次迭代中，比较 `Y` 与卷积层输出的平方误差，"
            "用 `tf.GradientTape` 计算梯度来更新卷积核，学习率为 3e-2。10 个迭代周期后，"
            "卷积核已非常接近 `[1, −1]`。点击**训练**，实时看损失下降、每个权重走向真实值（虚线）。"
        ),
    },
    "training.settings": {"en": "Settings", "zh": "设置"},
    "training.problem": {"en": "What to learn", "zh": "学习什么"},
    "training.problem_seed": {
        "en": "The chapter: [1, −1] from the 6×8 edge image",
        "zh": "书中的例子：从 6×8 边缘图像学习 [1, −1]",
    },
    "training.problem_sobel": {
        "en": "A 3×3 Sobel kernel from a 16×16 image",
        "zh": "从 16×16 图像学习 3×3 Sobel 卷积核",
    },
    "training.problem_custom": {
        "en": "My own target kernel (16×16 image)",
        "zh": "自定义目标卷积核（16×16 图像）",
    },
    "training.target": {"en": "Target kernel K to learn", "zh": "要学习的目标卷积核 K"},
    "training.lr": {"en": "Learning rate", "zh": "学习率"},
    "training.lr_help": {
        "en": "Step size of each update: kernel ← kernel − lr × gradient.",
        "zh": "每次更新的步长：卷积核 ← 卷积核 − 学习率 × 梯度。",
    },
    "training.bound": {
        "en": "Gradient descent is stable below **2/λmax = {bound:.4g}** for this problem (λmax: largest eigenvalue of the loss's Hessian).",
        "zh": "对这个问题，梯度下降在学习率低于 **2/λmax = {bound:.4g}** 时稳定（λmax：损失函数 Hessian 矩阵的最大特征值）。",
    },
    "training.bound_momentum": {
        "en": "With momentum {m:g}, gradient descent is stable below **2(1+{m:g})/λmax = {bound:.4g}** (plain: {plain:.4g}).",
        "zh": "动量 {m:g} 时，梯度下降在学习率低于 **2(1+{m:g})/λmax = {bound:.4g}** 时稳定（不加动量：{plain:.4g}）。",
    },
    "training.bound_adam": {
        "en": "Adam scales its steps itself (each weight moves by at most about lr per epoch), so the bound 2/λmax = {plain:.4g} of plain gradient descent does not apply; a rate of about {adam:g} brings weights of size 1–3 to their values in tens of epochs.",
        "zh": "Adam 会自行缩放步长（每个迭代周期每个权重最多移动约一个学习率），因此普通梯度下降的上界 2/λmax = {plain:.4g} 不适用；学习率取 {adam:g} 左右时，大小为 1–3 的权重几十个迭代周期即可到达真实值。",
    },
    "training.lr_above": {
        "en": "The learning rate {lr:g} is above the stable bound {bound:.4g}: the loss will grow instead of falling. Use a learning rate below {bound:.4g}.",
        "zh": "学习率 {lr:g} 高于稳定上界 {bound:.4g}：损失将增大而不是下降。请使用低于 {bound:.4g} 的学习率。",
    },
    "training.use_lr": {"en": "Use lr = {lr:g}", "zh": "使用学习率 {lr:g}"},
    "training.epochs": {"en": "Epochs, at most {max}", "zh": "迭代周期（epoch），最多 {max}"},
    "training.seed": {"en": "Random seed of the initial kernel", "zh": "初始卷积核的随机种子"},
    "training.optimizer": {"en": "Optimizer", "zh": "优化算法"},
    "training.opt_sgd": {"en": "Gradient descent (the chapter)", "zh": "梯度下降（书中做法）"},
    "training.opt_momentum": {"en": "Momentum 0.9", "zh": "动量 0.9"},
    "training.opt_adam": {"en": "Adam", "zh": "Adam"},
    "training.layer": {"en": "Convolutional layer", "zh": "卷积层"},
    "training.layer_keras": {"en": "Keras' built-in Conv2D", "zh": "Keras 内置的 Conv2D"},
    "training.layer_own": {
        "en": "The chapter's own Conv2D (corr2d in TensorFlow)",
        "zh": "书中自定义的 Conv2D（基于 TensorFlow 的 corr2d）",
    },
    "training.bias": {"en": "Learn a bias too (true bias: 0)", "zh": "同时学习偏置（真实偏置为 0）"},
    "training.train": {"en": "Train", "zh": "训练"},
    "training.press_train": {
        "en": "Press **Train** to learn the kernel; the loss and the weights will appear here, epoch by epoch.",
        "zh": "点击**训练**开始学习卷积核；损失和权重会在这里逐个迭代周期地显示出来。",
    },
    "training.progress": {
        "en": "Epoch {epoch} of {epochs} · loss {loss:.4g}",
        "zh": "迭代周期 {epoch} / {epochs} · 损失 {loss:.4g}",
    },
    "training.loss_title": {"en": "Loss: sum of squared errors (log scale)", "zh": "损失：平方误差之和（对数坐标）"},
    "training.loss_axis": {"en": "loss", "zh": "损失"},
    "training.epoch_axis": {"en": "epoch", "zh": "迭代周期（epoch）"},
    "training.weights_title": {"en": "Kernel weights (dashed: true values)", "zh": "卷积核权重（虚线：真实值）"},
    "training.weight_axis": {"en": "weight", "zh": "权重"},
    "training.true": {"en": "true", "zh": "真实值"},
    "training.book": {"en": "the chapter's printout", "zh": "书中的输出"},
    "training.learned_kernel": {"en": "Learned kernel", "zh": "学到的卷积核"},
    "training.true_kernel": {"en": "True kernel K", "zh": "真实卷积核 K"},
    "training.learned_bias": {"en": "Learned bias: {b:.4g} (true: 0)", "zh": "学到的偏置：{b:.4g}（真实值：0）"},
    "training.log_title": {"en": "The chapter's log (every {every} epochs)", "zh": "书中的日志（每 {every} 个迭代周期）"},
    "training.log_title_run": {"en": "This run's log (every {every} epochs)", "zh": "本次运行的日志（每 {every} 个迭代周期）"},
    "training.col_epoch": {"en": "epoch", "zh": "迭代周期"},
    "training.col_loss": {"en": "loss", "zh": "损失"},
    "training.col_book": {"en": "the chapter", "zh": "书中"},
    "training.log_note": {
        "en": "The chapter's numbers came from Keras' own random initial kernel; this run starts from the kernel of seed {seed}, so its losses differ, but they fall the same way.",
        "zh": "书中的数字来自 Keras 随机初始化的卷积核；本次运行从随机种子 {seed} 生成的卷积核开始，所以损失数值不同，但下降的方式相同。",
    },
    "training.done": {
        "en": "Done: {epochs} epochs, last loss {loss:.3g}; the learned weights are within {err:.3g} of the true ones.",
        "zh": "完成：{epochs} 个迭代周期，最后的损失为 {loss:.3g}；学到的权重与真实值之差不超过 {err:.3g}。",
    },
    "training.not_yet": {
        "en": "After {epochs} epochs (last loss {loss:.3g}) the learned weights are still up to {err:.3g} away from the true ones: train for more epochs or change the learning rate.",
        "zh": "{epochs} 个迭代周期后（最后的损失为 {loss:.3g}），学到的权重与真实值仍相差最多 {err:.3g}：请增加迭代周期或调整学习率。",
    },
    "training.diverged": {
        "en": "The loss exploded at epoch {epoch} (loss {loss:.3g}): the learning rate {lr:g} is above the stable bound 2/λmax = {bound:.4g} of this problem. Use a learning rate below {bound:.4g}.",
        "zh": "损失在第 {epoch} 个迭代周期发散（损失 {loss:.3g}）：学习率 {lr:g} 高于此问题的稳定上界 2/λmax = {bound:.4g}。请使用低于 {bound:.4g} 的学习率。",
    },
    "training.diverged_other": {
        "en": "The loss exploded at epoch {epoch} (loss {loss:.3g}). Use a smaller learning rate than {lr:g}.",
        "zh": "损失在第 {epoch} 个迭代周期发散（损失 {loss:.3g}）。请使用比 {lr:g} 更小的学习率。",
    },
    "training.grew": {
        "en": "The loss grew from {first:.3g} to {last:.3g}: the learning rate {lr:g} is above the stable bound 2/λmax = {bound:.4g}, and with more epochs the loss explodes. Use a learning rate below {bound:.4g}.",
        "zh": "损失从 {first:.3g} 增大到 {last:.3g}：学习率 {lr:g} 高于稳定上界 2/λmax = {bound:.4g}，迭代周期更多时损失会发散。请使用低于 {bound:.4g} 的学习率。",
    },
    "training.too_much": {
        "en": "This run is too large: {epochs} epochs × {cells} output cells × {weights} kernel weights = {work:,} multiply-adds, and a run may take at most {limit:,}. Use at most {max_epochs} epochs, or a smaller target kernel.",
        "zh": "这次运行太大：{epochs} 个迭代周期 × {cells} 个输出元素 × {weights} 个卷积核权重 = {work:,} 次乘加，而一次运行最多 {limit:,} 次。请最多使用 {max_epochs} 个迭代周期，或使用更小的目标卷积核。",
    },
    "training.interrupted": {
        "en": "The run was interrupted at epoch {epoch} of {epochs}; what it had computed is shown. Press Train to run again.",
        "zh": "训练在第 {epoch} / {epochs} 个迭代周期被中断；下面是已经算出的结果。点击训练重新运行。",
    },
    "training.last_run": {
        "en": "Run: {problem} · lr {lr:g} · {epochs} epochs · seed {seed} · {optimizer} · {layer}{bias}",
        "zh": "本次运行：{problem} · 学习率 {lr:g} · {epochs} 个迭代周期 · 种子 {seed} · {optimizer} · {layer}{bias}",
    },
    "training.with_bias": {"en": " · with bias", "zh": " · 含偏置"},
    "training.download_history": {"en": "History (CSV)", "zh": "训练历史（CSV）"},
    "training.download_kernel": {"en": "Learned kernel (.npy)", "zh": "学到的卷积核（.npy）"},
    "training.data": {"en": "The data: X, K and Y = corr2d(X, K)", "zh": "数据：X、K 和 Y = corr2d(X, K)"},
    "training.input": {"en": "Input X", "zh": "输入 X"},
    "training.output": {"en": "Output Y", "zh": "输出 Y"},
    "training.bad_problem": {"en": "Cannot set up this problem: {reason}", "zh": "无法构造这个问题：{reason}"},
    "training.hover_epoch": {"en": "epoch", "zh": "迭代周期"},
}
