"""The app's pages, in menu order: script, title, icon, the seed's section, blurb (text keys)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    script: str
    title: str  # text key
    icon: str
    section: str  # text key: the seed's section this page follows
    blurb: str  # text key


PAGES = [
    PageInfo("app_pages/why.py", "page.why", ":material/lightbulb:", "home.section_why", "home.blurb_why"),
    PageInfo("app_pages/stepper.py", "page.stepper", ":material/grid_on:", "home.section_stepper", "home.blurb_stepper"),
    PageInfo("app_pages/padding_stride.py", "page.padding", ":material/straighten:", "home.section_padding_stride", "home.blurb_padding"),
    PageInfo("app_pages/edges.py", "page.edges", ":material/contrast:", "home.section_edges", "home.blurb_edges"),
    PageInfo("app_pages/training.py", "page.training", ":material/model_training:", "home.section_training", "home.blurb_training"),
    PageInfo("app_pages/transposed.py", "page.transposed", ":material/open_in_full:", "home.section_transposed", "home.blurb_transposed"),
    PageInfo("app_pages/pooling.py", "page.pooling", ":material/blur_on:", "home.section_pooling", "home.blurb_pooling"),
    PageInfo("app_pages/groups.py", "page.groups", ":material/layers:", "home.section_groups", "home.blurb_groups"),
    PageInfo("app_pages/practice.py", "page.practice", ":material/quiz:", "home.section_practice", "home.blurb_practice"),
]
