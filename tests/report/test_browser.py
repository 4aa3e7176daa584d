"""The HTML report in a real headless browser: offline, every image loaded and not blank."""

import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Draws each image on a canvas and reports its size and how many distinct colours it has.
INSPECT = """() => Array.from(document.images).map(img => {
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(img, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set();
  for (let i = 0; i < pixels.length; i += 4 * 97) {
    colours.add(pixels[i] + ',' + pixels[i + 1] + ',' + pixels[i + 2]);
  }
  return {alt: img.alt, complete: img.complete, width: img.naturalWidth, colours: colours.size};
})"""


def open_report(folder: Path, tmp_path: Path) -> tuple[list[dict], list[str], str]:
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto((folder / "report.html").resolve().as_uri())
        page.wait_for_load_state("load")
        images = page.evaluate(INSPECT)
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        title = page.title()
        browser.close()
    return images, requests, title


def test_every_image_of_the_run_report_loads_and_is_not_blank(run_folder, tmp_path):
    images, requests, title = open_report(run_folder, tmp_path)
    assert title.startswith("negsim report:")
    assert len(images) == 8  # with the forecast questions
    for image in images:
        assert image["complete"] and image["width"] > 100, image
        assert image["colours"] > 3, f"{image['alt']} looks blank"
    fetched = [u for u in requests if not u.startswith(("file:", "data:"))]
    assert fetched == []  # self-contained: nothing from the network
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_every_image_of_the_sweep_report_loads(sweep_folder, tmp_path):
    images, _, _ = open_report(sweep_folder, tmp_path)
    assert len(images) >= 4 and all(i["complete"] and i["colours"] > 3 for i in images)
