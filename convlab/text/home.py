STRINGS = {
    "home.intro": {
        "en": (
            "ConvLab is a place to **see** how a convolutional layer computes. It follows the chapter "
            "on convolutions of *Dive into Deep Learning* (TensorFlow edition): every example of the "
            "chapter is here with the chapter's own numbers, and then yours to change."
        ),
        "zh": (
            "ConvLab 让你**看见**卷积层如何计算。它依据《动手学深度学习》（TensorFlow 版）的卷积一章："
            "书中的每个例子都可以用书中的数字重现，然后由你随意修改。"
        ),
    },
    "home.pages": {"en": "Pages", "zh": "页面"},
    "home.follows": {"en": "Follows: {section}", "zh": "对应章节：{section}"},
    "home.blurb_why": {
        "en": "Billions of weights or a few hundred? Translation invariance and locality turn a fully connected layer into a convolution; channels.",
        "zh": "数十亿个参数还是几百个？平移不变性和局部性把全连接层变成卷积；多通道。",
    },
    "home.blurb_stepper": {
        "en": "Slide the kernel over the input one window at a time and watch each output value summed: 0×0 + 1×1 + 3×2 + 4×3 = 19.",
        "zh": "让卷积核窗口逐个位置滑过输入，看每个输出值如何求和：0×0 + 1×1 + 3×2 + 4×3 = 19。",
    },
    "home.blurb_padding": {
        "en": "How padding, stride and dilation set the output shape; the chapter's Keras examples; stacks of layers and their receptive fields.",
        "zh": "填充、步幅和膨胀如何决定输出形状；书中的 Keras 例子；多层堆叠与感受野。",
    },
    "home.blurb_edges": {
        "en": "The kernel [1, −1] finds vertical edges; try Sobel, Laplacian and more on your own pictures.",
        "zh": "卷积核 [1, −1] 能找到垂直边缘；在你自己的图片上试试 Sobel、拉普拉斯等卷积核。",
    },
    "home.blurb_training": {
        "en": "Learn the kernel from input and output with TensorFlow, and watch the loss fall and the weights walk to [1, −1] live.",
        "zh": "用 TensorFlow 从输入和输出学习卷积核，实时看损失下降、权重走向 [1, −1]。",
    },
    "home.blurb_practice": {
        "en": "Ten questions on the whole chapter: predict, check, read the worked solution; one link gives a class the same ten.",
        "zh": "关于整章的十道题：先预测，再检查，再看解答过程；同一个链接让全班做同样的十道题。",
    },
    "home.run_title": {"en": "Run it on your laptop", "zh": "在自己的电脑上运行"},
    "home.section_why": {"en": "From fully connected layers to convolutions", "zh": "从全连接层到卷积"},
    "home.section_stepper": {"en": "Image convolutions: cross-correlation", "zh": "图像卷积：互相关运算"},
    "home.section_padding_stride": {"en": "Padding and stride", "zh": "填充和步幅"},
    "home.section_edges": {"en": "Image convolutions: edge detection", "zh": "图像卷积：图像中目标的边缘检测"},
    "home.section_training": {"en": "Image convolutions: learning a kernel", "zh": "图像卷积：学习卷积核"},
    "home.section_practice": {"en": "The whole chapter", "zh": "整章"},
}
