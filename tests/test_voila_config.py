"""Does the repository's Voila configuration cull idle kernels after a few minutes, and does the README say so?"""

from __future__ import annotations

import json

from tests.conftest import REPO


def test_does_voila_json_cull_idle_kernels_within_a_few_minutes_but_never_a_connected_one() -> None:
    config = json.loads((REPO / "voila.json").read_text(encoding="utf-8"))["MappingKernelManager"]
    assert 60 <= config["cull_idle_timeout"] <= 600  # a few minutes: long enough for a pause, short for a closed tab
    assert 0 < config["cull_interval"] <= config["cull_idle_timeout"]
    assert config["cull_connected"] is False  # a learner whose page is open keeps the kernel and the answers on screen


def test_does_the_readme_document_the_culling_where_it_explains_voila() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    minutes = json.loads((REPO / "voila.json").read_text(encoding="utf-8"))["MappingKernelManager"]["cull_idle_timeout"] // 60
    voila_paragraph = readme[readme.index("**The classification exercise as an app**") :].split("\n\n")[0]
    assert "voila.json" in voila_paragraph and f"{minutes} minutes" in voila_paragraph
    assert "Download" in voila_paragraph
