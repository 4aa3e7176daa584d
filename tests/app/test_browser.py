"""An analyst in a real browser: moves levers, steps the episode, runs the likelihood panel.

Starts `negsim-app` on a free localhost port and drives Debian's Chromium with Playwright.
"""

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from sim.jobs.processes import descendants

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ESTIMATE = re.compile(r"P\(agreement\) = [\d.]+% \(95% CI [\d.]+%–[\d.]+%\) "
                      r"over 20,000 runs, seed \d+ \([\d.]+ s\)")

# Each image drawn on a canvas and read back: equal strings mean equal pictures.
PIXELS = """() => Array.from(document.images).filter(i => i.naturalWidth > 100).map(img => {
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
  canvas.getContext('2d').drawImage(img, 0, 0);
  return canvas.toDataURL();
})"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("app") / "server.log"
    script = Path(sys.executable).with_name("negsim-app")
    with open(log, "wb") as out:
        server = subprocess.Popen([str(script), "--port", str(port)], stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 240  # the first start fetches the page's scripts from npm
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"negsim-app did not start:\n{log.read_text()}")
            time.sleep(0.5)
    yield url, server
    if server.poll() is None:  # the last test stops it; stop it here if that one failed
        server.terminate()
        server.wait(timeout=30)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _slider_to_end(page: Page, label: str) -> None:
    """Focus a slider's thumb and press End, as a keyboard user would. A slider's label ends
    with its value ("Patience (rounds): 6")."""
    row = page.locator(".v-input").filter(has=page.get_by_text(re.compile(rf"^{re.escape(label)}: ")))
    thumb = row.locator("[role=slider]")
    thumb.focus()
    thumb.press("End")


def _step_to_day(page: Page, day: int) -> None:
    page.get_by_role("button", name="Step").click()
    expect(page.get_by_text(f"Day {day} of 365", exact=False)).to_be_visible(timeout=30_000)


def _estimate(page: Page) -> str:
    """Run the likelihood panel and wait for an estimate of the current settings."""
    page.get_by_role("button", name=re.compile(r"Estimate")).click()
    expect(page.get_by_text("The settings have changed since")).to_have_count(0, timeout=180_000)
    found = page.get_by_text(ESTIMATE)
    expect(found).to_be_visible(timeout=180_000)
    return found.inner_text()


def _figures_until(page: Page, ready, timeout: float = 30.0) -> list[str]:
    """The figures' pixels once `ready(pixels)` holds: figures arrive after the text does."""
    deadline = time.monotonic() + timeout
    while True:
        pixels = page.evaluate(PIXELS)
        if ready(pixels):
            return pixels
        if time.monotonic() > deadline:
            pytest.fail(f"the figures did not update within {timeout:.0f} s ({len(pixels)} shown)")
        time.sleep(0.25)


def test_an_analyst_turns_the_levers_and_sees_the_episode_and_the_odds_move(app, tmp_path):
    app_url, _ = app
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1300})
        page.goto(app_url)
        expect(page.get_by_text("Day 0 of 365", exact=False)).to_be_visible(timeout=60_000)
        fresh = _figures_until(page, lambda f: len(f) == 5)  # placeholders: nothing stepped yet
        _step_to_day(page, 7)  # one step of the render interval: a week
        # stages, balance, trust redrawn (the offers: none yet, the sea arrangement signed on
        # day 0 and pending the EU's relief, the moratorium in force)
        week = _figures_until(page, lambda f: len(f) == 5 and all(
            fresh[i] != f[i] for i in range(3)))
        expect(page.get_by_text("the Black Sea partial ceasefire is signed, pending its "
                                "conditions", exact=False)).to_be_visible()
        before = _estimate(page)
        _figures_until(page, lambda f: len(f) == 6)  # the stage funnel has appeared

        expect(page.get_by_text("Trust of Russia in Ukraine: 0.5", exact=True)).to_be_visible()
        _slider_to_end(page, "Trust of Russia in Ukraine")
        _slider_to_end(page, "Patience (rounds)")
        # sea first stops at the full ceasefire Russia never signs (P = 0 whatever the levers):
        # the analyst switches to a comprehensive push
        page.get_by_role("button", name=re.compile(r"^Mediator strategy")).click()
        page.get_by_role("option", name="comprehensive", exact=True).click()
        expect(page.get_by_text("Trust of Russia in Ukraine: 0.95", exact=True)).to_be_visible()
        expect(page.get_by_text("Patience (rounds): 20", exact=True)).to_be_visible()
        for meaningless in ("Play Interval", "Use Threads", "Page 0"):
            expect(page.get_by_text(meaningless, exact=False)).to_have_count(0)
        page.get_by_role("button", name="Reset").click()
        expect(page.get_by_text("Day 0 of 365", exact=False)).to_be_visible(timeout=30_000)
        expect(page.get_by_text("The settings have changed since")).to_be_visible()
        reset = _figures_until(page, lambda f: len(f) == 6 and f[2] == fresh[2])  # placeholder
        _step_to_day(page, 7)
        moved = _figures_until(page, lambda f: f[2] != reset[2])
        assert moved[2] != week[2]  # the trust figure: Russia starts far more trusting
        after = _estimate(page)
        assert after != before
        page.screenshot(path=str(tmp_path / "app.png"), full_page=True)
        browser.close()
    assert (tmp_path / "app.png").stat().st_size > 50_000


def test_each_session_has_its_own_episode_and_stopping_the_app_stops_its_workers(app):
    app_url, server = app
    with sync_playwright() as p:  # an estimate starts the worker processes
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1300})
        page.goto(app_url)
        # a new session starts its own episode, with no estimate, whatever the first one did
        expect(page.get_by_text("Day 0 of 365", exact=False)).to_be_visible(timeout=60_000)
        expect(page.get_by_text(ESTIMATE)).to_have_count(0)
        _step_to_day(page, 7)
        _estimate(page)
        browser.close()
    started = descendants(server.pid)  # the Solara server and the estimate's workers
    assert len(started) >= 3
    server.terminate()
    assert server.wait(timeout=30) == 0
    time.sleep(0.5)
    assert [pid for pid in started if _alive(pid)] == []
