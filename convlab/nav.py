"""The app's pages, in menu order: script, title key, icon, the seed's section."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    script: str
    title: str  # text key
    icon: str
    section: dict  # the seed's section, per language
    blurb: str  # text key


PAGES = [
    PageInfo("app_pages/why.py", "page.why", ":material/lightbulb:", {"en": "From fully connected layers to convolutions", "zh": "从全连接层到卷积"}, "home.blurb_why"),
    PageInfo("app_pages/stepper.py", "page.stepper", ":material/grid_on:", {"en": "Image convolutions: cross-correlation", "zh": "图像卷积：互相关运算"}, "home.blurb_stepper"),
    PageInfo("app_pages/padding_stride.py", "page.padding", ":material/straighten:", {"en": "Padding and stride", "zh": "填充和步幅"}, "home.blurb_padding"),
    PageInfo("app_pages/edges.py", "page.edges", ":material/contrast:", {"en": "Image convolutions: edge detection", "zh": "图像卷积：图像中目标的边缘检测"}, "home.blurb_edges"),
    PageInfo("app_pages/training.py", "page.training", ":material/model_training:", {"en": "Image convolutions: learning a kernel", "zh": "图像卷积：学习卷积核"}, "home.blurb_training"),
]
