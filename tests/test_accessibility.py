"""Is every lesson accessible after Run All: no axe-core violation inside the kit's output areas, charts with alt text?

axe-core (npm package ``axe-core``; CI installs it into ``.ci/axe``, see ``.ci/run``)
runs in headless Chromium against a real JupyterLab, once every lesson in
``notebooks/`` has run top to bottom. It checks the WCAG 2.0/2.1 A and AA rules
inside the output areas only (what the kit puts on the page), not JupyterLab's
own interface. Without axe-core the test is skipped with the reason (a failure in
CI, like a missing browser).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_browser import LESSON, lab, page, require_browser, workspace  # noqa: F401 - pytest fixtures

pytestmark = pytest.mark.browser

LESSONS = sorted(path.name for path in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
AXE_PLACES = (REPO / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js", REPO / "node_modules" / "axe-core" / "axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OUTPUTS = ".jp-OutputArea-output"


def axe_script() -> Path:
    """Return axe-core's ``axe.min.js`` (``MEDIALIT_AXE_JS`` or ``.ci/axe``); skip, or fail in CI, when it is missing."""
    configured = os.environ.get("MEDIALIT_AXE_JS", "")
    for place in ([Path(configured)] if configured else []) + list(AXE_PLACES):
        if place.is_file():
            return place
    reason = "axe-core not found: npm install --prefix .ci/axe axe-core@4 (or set MEDIALIT_AXE_JS)"
    if os.environ.get("MEDIALIT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"accessibility tests required (MEDIALIT_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


def run_all(page, url: str) -> None:  # noqa: ANN001 - a Playwright page
    """Open the lesson at ``url`` in JupyterLab, run all its cells and wait until every cell has finished."""
    page.goto(url.replace("?token=", "?reset&token="))  # a fresh workspace: only this lesson open
    page.locator(".jp-Notebook").wait_for()
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").wait_for()
    page.locator(".lm-MenuBar-item", has_text="Run").click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-InputArea-prompt')].every(p => !p.textContent.includes('*'))"
        " && [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].some(p => /\\[\\d+\\]/.test(p.textContent))",
        timeout=120_000,
    )
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").wait_for()
    page.wait_for_timeout(1500)  # widget views render after their models arrive


def axe_violations(page, script: Path) -> list[dict]:  # noqa: ANN001
    """Return axe-core's violations inside the page's output areas (one dict per rule: id, impact, nodes)."""
    page.add_script_tag(path=str(script))
    result = page.evaluate(
        """async ([selector, tags]) => {
            const found = await axe.run({include: [...document.querySelectorAll(selector)]},
                                        {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return found.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                                      summary: n.failureSummary}))}));
        }""",
        [OUTPUTS, AXE_TAGS],
    )
    return result


def test_is_every_lesson_free_of_axe_violations_in_its_outputs_after_run_all(page, lab: str) -> None:  # noqa: ANN001, F811
    script = axe_script()
    found: dict[str, list[dict]] = {}
    checked = 0
    for lesson in LESSONS:
        run_all(page, lab.replace(LESSON, lesson))
        outputs = page.locator(OUTPUTS).count()
        assert outputs > 0, f"{lesson}: no outputs after Run All"
        checked += outputs
        violations = axe_violations(page, script)
        if violations:
            found[lesson] = violations
        page.locator(".lm-MenuBar-item", has_text="Kernel").click()  # free the kernel before the next lesson
        page.locator('.lm-Menu-item[data-command="kernelmenu:shutdown"]').click()
        dialog = page.locator(".jp-Dialog button.jp-mod-accept")
        if dialog.count():
            dialog.click()
    assert checked > len(LESSONS)
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)[:6000]


def test_do_the_charts_of_lesson_07_carry_their_text_description_as_alt_text(page, lab: str) -> None:  # noqa: ANN001, F811
    run_all(page, lab.replace(LESSON, "08_voice_map.ipynb"))
    images = page.locator(f"{OUTPUTS} figure.medialit-figure img")
    assert images.count() == 2  # the words charts and the strip (the confusion matrix needs lesson 07's answers)
    for index in range(images.count()):
        alt = images.nth(index).get_attribute("alt") or ""
        assert alt.startswith("Text description:") and len(alt) > 100
        caption = page.locator(f"{OUTPUTS} figure.medialit-figure figcaption").nth(index).inner_text()
        assert caption == alt, "screen readers read the same text description that is shown"
    assert page.locator(f"{OUTPUTS} img:not([alt])").count() == 0


def test_do_the_charts_of_lesson_07_carry_alt_text_in_voila(page, workspace: Path, tmp_path: Path) -> None:  # noqa: ANN001, F811
    import sys

    from tests.test_browser import free_port, server_environment, start_server, stop_server

    port = free_port()
    voila_program = Path(sys.executable).with_name("voila")
    command = [str(voila_program), "notebooks/08_voice_map.ipynb", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"]
    base = f"http://127.0.0.1:{port}"
    process = start_server(command, workspace, server_environment(tmp_path), f"{base}/api/status", tmp_path / "voila.log")
    try:
        page.goto(f"{base}/")
        images = page.locator("figure.medialit-figure img")
        images.nth(1).wait_for()
        assert images.count() == 2
        for index in range(images.count()):
            alt = images.nth(index).get_attribute("alt") or ""
            assert alt.startswith("Text description:") and len(alt) > 100
        assert page.locator("img:not([alt])").count() == 0
    finally:
        stop_server(process)
