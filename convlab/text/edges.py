STRINGS = {
    "edges.intro": {
        "en": (
            "A simple use of a convolutional layer: find where the pixel values **change**, and you find the "
            "edges of objects in a picture. The chapter builds a 6×8 black-and-white picture (white `1`, the "
            "middle four columns black `0`) and the kernel `K = [1, −1]`: the cross-correlation is 0 wherever "
            "two horizontally neighbouring pixels are equal, and not 0 where they differ. "
            "Change the picture, the kernel and the padding below and watch the output."
        ),
        "zh": (
            "卷积层的一个简单应用：找到像素值**变化**的位置，就能检测图像中不同颜色的边缘。书中构造了一个 6×8 像素的"
            "黑白图像（白色为 `1`，中间四列为黑色 `0`）和卷积核 `K = [1, −1]`：进行互相关运算时，如果水平相邻的两元素相同，"
            "则输出为零，否则输出为非零。在下面更换图像、卷积核和填充，观察输出的变化。"
        ),
    },
    # --- the image ---
    "edges.image_header": {"en": "Input image X", "zh": "输入图像 X"},
    "edges.image": {"en": "Picture", "zh": "图像"},
    "edges.img.seed": {"en": "The chapter's 6×8 picture", "zh": "书中的 6×8 图像"},
    "edges.img.stripes": {"en": "Vertical stripes", "zh": "竖条纹"},
    "edges.img.checkerboard": {"en": "Checkerboard", "zh": "棋盘格"},
    "edges.img.disc": {"en": "Black disc", "zh": "黑色圆盘"},
    "edges.img.step": {"en": "Step (white | black)", "zh": "阶跃（白 | 黑）"},
    "edges.img.text": {"en": "Text “Conv”", "zh": "文字 “Conv”"},
    "edges.size": {"en": "Size of the built-in picture (pixels)", "zh": "内置图像的大小（像素）"},
    "edges.size_help": {
        "en": "Width of the synthetic pictures; the chapter's picture is always 6×8.",
        "zh": "合成图像的宽度；书中的图像总是 6×8。",
    },
    "edges.transpose": {"en": "Transpose the picture (Xᵀ)", "zh": "将图像转置（Xᵀ）"},
    "edges.transpose_help": {
        "en": "The chapter's second experiment: transpose the picture X (its rows become columns), so its vertical edges become horizontal.",
        "zh": "书中的第二个实验：将输入的二维图像转置（行变成列），垂直边缘变成水平的。",
    },
    "edges.upload": {"en": "…or upload your own picture", "zh": "……或上传你自己的图片"},
    "edges.upload_help": {
        "en": "PNG, JPEG, WebP, GIF, BMP or TIFF. It is turned into gray (white 1, black 0) and its longer side scaled down to {max_side} pixels.",
        "zh": "PNG、JPEG、WebP、GIF、BMP 或 TIFF。图片会转为灰度（白为 1，黑为 0），较长边缩小到 {max_side} 像素。",
    },
    "edges.upload_using": {
        "en": "Using your picture “{name}”: {h}×{w} pixels. Remove it (×) to go back to the built-in pictures.",
        "zh": "正在使用你的图片“{name}”：{h}×{w} 像素。删除它（×）即可回到内置图像。",
    },
    "edges.upload_downscaled": {
        "en": "It was {h0}×{w0} pixels; its longer side was scaled down to {max_side}.",
        "zh": "原图为 {h0}×{w0} 像素，较长边已缩小到 {max_side}。",
    },
    "edges.upload_animated": {"en": "It is animated: the first frame is used.", "zh": "这是动图：使用第一帧。"},
    "edges.camera_on": {"en": "…or use your camera", "zh": "……或用摄像头拍照"},
    "edges.camera_on_help": {
        "en": "Shows your camera here (the browser asks your permission first). The photo is used like an upload: turned into gray and its longer side scaled down to {max_side} pixels. Turn this off to put the camera away.",
        "zh": "在这里显示摄像头（浏览器会先征求你的许可）。照片和上传的图片一样处理：转为灰度，较长边缩小到 {max_side} 像素。关闭此开关即可收起摄像头。",
    },
    "edges.camera": {"en": "Camera", "zh": "摄像头"},
    "edges.camera_name": {"en": "Your photo", "zh": "你拍的照片"},  # begins a sentence
    "edges.camera_using": {
        "en": "Using your photo from the camera: {h}×{w} pixels. Clear the photo or turn the camera off to go back to the other pictures.",
        "zh": "正在使用你用摄像头拍的照片：{h}×{w} 像素。清除照片或关闭摄像头即可换回其他图像。",
    },
    "edges.upload_fallback": {
        "en": "Showing the built-in picture chosen above instead.",
        "zh": "改为显示上面选择的内置图像。",
    },
    # one message per way an upload fails: the kinds of convlab.images.ImageError
    "edges.err.empty": {
        "en": "{name} is empty. Upload a PNG, JPEG, WebP, GIF, BMP or TIFF picture.",
        "zh": "{name} 是空文件。请上传 PNG、JPEG、WebP、GIF、BMP 或 TIFF 图片。",
    },
    "edges.err.not_image": {
        "en": "{name} is not a picture this page can read. Upload a PNG, JPEG, WebP, GIF, BMP or TIFF file (a PDF or a renamed file will not work).",
        "zh": "无法读取 {name}：它不是本页支持的图片。请上传 PNG、JPEG、WebP、GIF、BMP 或 TIFF 文件（PDF 或改了扩展名的文件不行）。",
    },
    "edges.err.too_large": {
        "en": "{name} has too many pixels ({width}×{height}); this page decodes at most {limit:,} pixels. Scale it down (e.g. to 2000×1500) and upload it again.",
        "zh": "{name} 的像素太多（{width}×{height}）；本页最多解码 {limit:,} 个像素。请先缩小图片（例如到 2000×1500）再上传。",
    },
    "edges.err.damaged": {
        "en": "{name} looks damaged or cut off and could not be decoded. Save the picture again as PNG or JPEG and upload that.",
        "zh": "{name} 似乎已损坏或不完整，无法解码。请把图片重新保存为 PNG 或 JPEG 后再上传。",
    },
    "edges.err.mode": {
        "en": "{name} has colours (mode {mode}) that cannot be turned into gray here. Save it as an ordinary RGB or grayscale PNG or JPEG.",
        "zh": "{name} 的颜色模式（{mode}）无法转为灰度。请把它保存为普通的 RGB 或灰度 PNG/JPEG。",
    },
    "edges.err.bomb": {
        "en": "{name} claims far too many pixels to decode safely; this page decodes at most {limit:,} pixels. Scale it down (e.g. to 2000×1500) and upload it again.",
        "zh": "{name} 声称的像素数太多，无法安全解码；本页最多解码 {limit:,} 个像素。请先缩小图片（例如到 2000×1500）再上传。",
    },
    # --- the kernel ---
    "edges.kernel_header": {"en": "Kernel K", "zh": "卷积核 K"},
    "edges.kernel": {"en": "Kernel preset", "zh": "卷积核预设"},
    "edges.k.seed": {"en": "Edge detector (the chapter's)", "zh": "边缘检测器（书中的）"},
    "edges.k.identity": {"en": "Identity", "zh": "恒等"},
    "edges.k.box_blur": {"en": "Box blur", "zh": "均值模糊"},
    "edges.k.gaussian_blur": {"en": "Gaussian blur", "zh": "高斯模糊"},
    "edges.k.sharpen": {"en": "Sharpen", "zh": "锐化"},
    "edges.k.sobel_x": {"en": "Sobel x (vertical edges)", "zh": "Sobel x（垂直边缘）"},
    "edges.k.sobel_y": {"en": "Sobel y (horizontal edges)", "zh": "Sobel y（水平边缘）"},
    "edges.k.prewitt_x": {"en": "Prewitt x (vertical edges)", "zh": "Prewitt x（垂直边缘）"},
    "edges.k.prewitt_y": {"en": "Prewitt y (horizontal edges)", "zh": "Prewitt y（水平边缘）"},
    "edges.k.laplacian": {"en": "Laplacian", "zh": "拉普拉斯"},
    "edges.k.emboss": {"en": "Emboss", "zh": "浮雕"},
    "edges.k.custom": {"en": "Custom (edit the values)", "zh": "自定义（编辑数值）"},
    "edges.kdesc.seed": {
        "en": "Each output is a pixel minus its right neighbour: 1 = white→black, −1 = black→white, 0 where they are equal. It sees only vertical edges.",
        "zh": "每个输出是一个像素减去它右边的像素：1 表示从白色到黑色的边缘，−1 表示从黑色到白色的边缘，相同则为 0。它只能检测垂直边缘。",
    },
    "edges.kdesc.identity": {
        "en": "Copies the centre pixel: the output is the input (minus a border without padding).",
        "zh": "复制中心像素：输出就是输入（不填充时少一圈边）。",
    },
    "edges.kdesc.box_blur": {"en": "The average of each 3×3 neighbourhood: edges get soft.", "zh": "每个 3×3 邻域的平均值：边缘变得模糊。"},
    "edges.kdesc.gaussian_blur": {
        "en": "A weighted average, heavier in the centre: a gentler blur.",
        "zh": "中心权重更大的加权平均：更柔和的模糊。",
    },
    "edges.kdesc.sharpen": {
        "en": "The pixel plus its difference from its neighbours: edges get stronger, flat areas stay.",
        "zh": "像素加上它与邻居之差：边缘增强，平坦区域不变。",
    },
    "edges.kdesc.sobel_x": {
        "en": "Right column minus left column, the middle row weighted 2: vertical edges, smoothed vertically.",
        "zh": "右列减左列，中间行权重为 2：检测垂直边缘，并在竖直方向平滑。",
    },
    "edges.kdesc.sobel_y": {
        "en": "Bottom row minus top row, the middle column weighted 2: horizontal edges.",
        "zh": "下行减上行，中间列权重为 2：检测水平边缘。",
    },
    "edges.kdesc.prewitt_x": {"en": "Right column minus left column: vertical edges.", "zh": "右列减左列：检测垂直边缘。"},
    "edges.kdesc.prewitt_y": {"en": "Bottom row minus top row: horizontal edges.", "zh": "下行减上行：检测水平边缘。"},
    "edges.kdesc.laplacian": {
        "en": "The sum of the four neighbours minus 4× the pixel: 0 on flat areas and on even slopes, edges in every direction.",
        "zh": "四个邻居之和减去 4 倍中心像素：平坦区域和均匀斜坡为 0，能检测各个方向的边缘。",
    },
    "edges.kdesc.emboss": {
        "en": "Bottom-right minus top-left plus the pixel: the picture looks raised, lit from one side.",
        "zh": "右下减左上再加上像素本身：图像看起来像浮雕，光从一侧照来。",
    },
    "edges.kdesc.custom": {
        "en": "Your own kernel, up to 7×7: type numbers into the cells.",
        "zh": "你自己的卷积核，最大 7×7：在单元格中输入数字。",
    },
    "edges.kt": {"en": "Transpose the kernel (Kᵀ)", "zh": "将卷积核转置（Kᵀ）"},
    "edges.kt_help": {
        "en": "Use the kernel's transpose Kᵀ: its rows become columns. For K = [1, −1], Kᵀ = [1; −1] compares a pixel with the one below it and finds horizontal edges. (The kernel itself is transposed; this is not a transposed convolution.)",
        "zh": "使用卷积核的转置 Kᵀ：它的行变成列。对 K = [1, −1]，Kᵀ = [1; −1] 比较像素与它下方的像素，可以检测水平边缘。（这是把卷积核本身转置，不是“转置卷积”。）",
    },
    "edges.custom_label": {"en": "Custom kernel", "zh": "自定义卷积核"},
    "edges.edit_custom": {"en": "Edit a copy of this kernel", "zh": "复制此卷积核并编辑"},
    "edges.custom_invalid": {
        "en": "Fix the kernel's cells above to see the output.",
        "zh": "请先修正上面卷积核中的单元格，才能看到输出。",
    },
    # --- the output ---
    "edges.output_header": {"en": "Output Y = X ⋆ K", "zh": "输出 Y = X ⋆ K"},
    "edges.padding": {"en": "Padding", "zh": "填充"},
    "edges.pad.valid": {"en": "valid (no padding)", "zh": "valid（不填充）"},
    "edges.pad.same": {"en": "same (padded: output as large as the input)", "zh": "same（填充后输出与输入一样大）"},
    "edges.pad_mode": {"en": "“same” pads with", "zh": "“same” 填充的值"},
    "edges.pad_mode_help": {
        "en": "Zeros make a dark or bright frame where the picture meets the padding; reflect, symmetric and "
              "circular copy the picture's own cells, so no edge is invented there.",
        "zh": "补 0 会在图像与填充相接处造出一圈暗或亮的边框；reflect、symmetric、circular 复制图像自己的元素，"
              "那里就不会凭空出现边缘。",
    },
    "edges.pm.zeros": {"en": "zeros", "zh": "zeros（补 0）"},
    "edges.pm.reflect": {"en": "reflect (mirror, edge not repeated)", "zh": "reflect（镜像，不重复边缘）"},
    "edges.pm.symmetric": {"en": "symmetric (mirror, edge repeated)", "zh": "symmetric（镜像，重复边缘）"},
    "edges.pm.circular": {"en": "circular (wrap around)", "zh": "circular（循环，从另一侧接上）"},
    "edges.border": {
        "en": "Border ({cells} output cells whose window reaches into the padding): mean |output| {zeros} with "
              "zeros, {other} with {mode}{inside}.",
        "zh": "边框（窗口伸进填充的 {cells} 个输出元素）：平均 |输出| 补 0 时为 {zeros}，{mode} 时为 {other}{inside}。",
    },
    "edges.border_inside": {"en": "; inside the border {v}", "zh": "；边框以内为 {v}"},
    "edges.abs": {"en": "Show the absolute value |Y|", "zh": "显示绝对值 |Y|"},
    "edges.abs_help": {
        "en": "Both kinds of edge in one colour: |1| = |−1|.",
        "zh": "两种边缘用同一种颜色：|1| = |−1|。",
    },
    "edges.fig.input": {"en": "Input X ({h}×{w})", "zh": "输入 X（{h}×{w}）"},
    "edges.fig.kernel": {"en": "Kernel K ({h}×{w})", "zh": "卷积核 K（{h}×{w}）"},
    "edges.fig.output": {"en": "Output Y ({h}×{w})", "zh": "输出 Y（{h}×{w}）"},
    "edges.fig.output_abs": {"en": "|Y| ({h}×{w})", "zh": "|Y|（{h}×{w}）"},
    "edges.fig.magnitude": {
        "en": "√(Gx² + Gy²) ({h}×{w})",
        "zh": "√(Gx² + Gy²)（{h}×{w}）",
    },
    "edges.shapes": {
        "en": "Cross-correlation of the {h}×{w} input with the {kh}×{kw} kernel, padding “{padding}” → {oh}×{ow} output.",
        "zh": "{h}×{w} 的输入与 {kh}×{kw} 的卷积核做互相关运算，填充“{padding}” → {oh}×{ow} 的输出。",
    },
    "edges.colours": {
        "en": "Colours: red is positive, blue negative, white 0.",
        "zh": "颜色：红色为正，蓝色为负，白色为 0。",
    },
    "edges.seed_note": {
        "en": "As in the chapter: 1 marks the edge from white to black, −1 the edge from black to white, 0 everywhere else.",
        "zh": "与书中一致：输出中的 1 代表从白色到黑色的边缘，−1 代表从黑色到白色的边缘，其他情况的输出为 0。",
    },
    # an all-zero output, explained (convlab.edges.zero_case decides which)
    "edges.zero.black": {
        "en": "The output is all zeros because the picture is 0 (black) everywhere: every product of a pixel and a weight is 0, whatever the kernel. There is no edge to find; choose or upload a picture with something light in it.",
        "zh": "输出全为 0，因为图像处处为 0（黑色）：每个像素与权重的乘积都是 0，与卷积核无关。图像中没有可检测的边缘；请选择或上传一张有亮部的图像。",
    },
    "edges.zero.flat": {
        "en": "The output is all zeros because the picture has one value ({value}) everywhere: there is no edge to find. Any kernel whose weights sum to 0, like this one, gives 0 on a flat area. Choose or upload a picture with edges.",
        "zh": "输出全为 0，因为图像处处是同一个值（{value}）：没有可检测的边缘。权重之和为 0 的卷积核（比如这个）在平坦区域上的输出都是 0。请选择或上传一张有边缘的图像。",
    },
    "edges.zero.sees_lr": {
        "en": "The output is all zeros. {kernel} only responds to changes from left to right (each of its rows sums to 0): it finds vertical edges. This picture changes only from top to bottom: its edges are horizontal. {fix}",
        "zh": "输出全为 0。{kernel} 只对从左到右的变化有响应（它的每一行之和都为 0）：它检测垂直边缘。这张图像只在从上到下的方向上变化：它的边缘是水平的。{fix}",
    },
    "edges.zero.sees_tb": {
        "en": "The output is all zeros. {kernel} only responds to changes from top to bottom (each of its columns sums to 0): it finds horizontal edges. This picture changes only from left to right: its edges are vertical. {fix}",
        "zh": "输出全为 0。{kernel} 只对从上到下的变化有响应（它的每一列之和都为 0）：它检测水平边缘。这张图像只在从左到右的方向上变化：它的边缘是垂直的。{fix}",
    },
    "edges.zero.tick_kt": {
        "en": "Tick “{label}” to look for {edges} edges.",
        "zh": "勾选“{label}”，即可检测{edges}边缘。",
    },
    "edges.zero.untick_kt": {
        "en": "Untick “{label}” to look for {edges} edges.",
        "zh": "取消勾选“{label}”，即可检测{edges}边缘。",
    },
    "edges.zero.edges_h": {"en": "horizontal", "zh": "水平"},
    "edges.zero.edges_v": {"en": "vertical", "zh": "垂直"},
    "edges.zero.or_preset": {
        "en": " Or choose the preset “{preset}”.",
        "zh": "也可以选择预设“{preset}”。",
    },
    "edges.zero.other": {
        "en": "The output is all zeros: on this picture every window's weighted sum with this kernel is 0. Try another kernel or another picture.",
        "zh": "输出全为 0：在这张图像上，每个窗口与该卷积核的加权和都是 0。请换一个卷积核或图像试试。",
    },
    "edges.magnitude_note": {
        "en": "**Gradient magnitude.** Gx and Gy are the outputs of the x and y kernels of this operator (one of them is the output above); √(Gx² + Gy²) is large on edges of every direction.",
        "zh": "**梯度幅值。** Gx 和 Gy 是该算子 x、y 两个卷积核的输出（其中一个就是上面的输出）；√(Gx² + Gy²) 在各个方向的边缘上都很大。",
    },
    "edges.reduced": {
        "en": "Large grids are drawn at 1/{f} resolution (each square shows its {f}×{f} block: the mean for the picture, the strongest value for outputs); the downloads hold every value.",
        "zh": "大网格以 1/{f} 分辨率显示（每个方块代表 {f}×{f} 的区域：图像取平均值，输出取绝对值最大的值）；下载的文件包含全部数值。",
    },
    "edges.fit_error": {
        "en": "The {kh}×{kw} kernel does not fit in the {h}×{w} picture without padding. Choose “same” padding, a smaller kernel or a larger picture.",
        "zh": "{kh}×{kw} 的卷积核在不填充时放不进 {h}×{w} 的图像。请选择“same”填充、更小的卷积核或更大的图像。",
    },
    "edges.download_png": {"en": "Download the output as PNG", "zh": "下载输出（PNG）"},
    "edges.download_png_help": {
        "en": "8-bit gray: 0 is mid-gray when the output has negative values, otherwise black; the largest value is white.",
        "zh": "8 位灰度：输出含负值时 0 为中灰，否则为黑；最大值为白色。",
    },
    "edges.download_npy": {"en": "Download the output as .npy", "zh": "下载输出（.npy）"},
    "edges.download_npy_help": {
        "en": "Every value, for numpy.load.",
        "zh": "全部数值，可用 numpy.load 读取。",
    },
}
