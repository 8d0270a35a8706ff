"""Screenshots of the first screen at 1280px and 375px, with the checks a person would make.

Run against a served demo site (for example `manage.py runserver 127.0.0.1:8300`):

    .venv/bin/python bench/first_screen.py --base-url http://127.0.0.1:8300 --out shots

It drives the system's Chromium through Playwright and exits non-zero when a check fails: the
navigation wraps at 1280px, or the finder's first result starts too far down at 375px.
"""

import argparse
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright


WIDTHS = {"desktop": (1280, 800), "mobile": (375, 812)}
# A finder's first result should start about one phone screen down, not two.
FIRST_RESULT_MAX_PX = 900


def pages(base_url: str, page) -> dict[str, str]:
    """The addresses to photograph: home, a key area, the finder and a consultation."""
    page.goto(base_url + "/strategy/")
    edition = page.locator("main .hub-card-list a").first.get_attribute("href")
    page.goto(base_url + edition)
    theme = page.locator("main .hub-card-list a").first.get_attribute("href")
    page.goto(base_url + theme)
    key_area = page.locator("main .hub-card-list a").first.get_attribute("href")
    page.goto(base_url + "/consultations/")
    consultation = page.locator("main .hub-card-list a").first.get_attribute("href")
    return {
        "home": "/",
        "key-area": key_area,
        "finder": "/case-studies/",
        "consultation": consultation,
    }


def say(line: str) -> None:
    """One line of the report."""
    sys.stdout.write(line + "\n")


def nav_rows(page) -> int:
    """How many rows the service navigation's items take."""
    tops = page.eval_on_selector_all(
        ".govuk-service-navigation__item", "items => items.map(i => i.offsetTop)"
    )
    return len(set(tops))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8300")
    parser.add_argument("--out", default="first-screen", help="folder for the PNG files")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    failures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for device, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in pages(args.base_url, page).items():
                page.goto(args.base_url + path)
                page.screenshot(path=out / f"{name}-{width}.png")
                page.screenshot(path=out / f"{name}-{width}-full.png", full_page=True)
                rows = nav_rows(page)
                line = f"{name:13} {width:5}px  nav rows {rows}"
                if device == "desktop" and rows != 1:
                    failures.append(f"{name} at {width}px: navigation takes {rows} rows")
                if name == "finder":
                    top = page.locator("main .hub-card-list li").first.bounding_box()["y"]
                    line += f"  first result at {top:.0f}px"
                    if device == "mobile" and top > FIRST_RESULT_MAX_PX:
                        failures.append(f"finder at {width}px: first result at {top:.0f}px")
                say(line)
            context.close()
        browser.close()
    say(f"Screenshots in {out}")
    for failure in failures:
        say(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
