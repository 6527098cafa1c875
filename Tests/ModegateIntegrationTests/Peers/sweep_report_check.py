"""Loads a sweep's HTML page in headless Chromium (offline, from file://) and checks its charts.

Usage: sweep_report_check.py SWEEP.html SCREENSHOT.png PRESETS
Checks: every swept preset has its seven charts with both arms' lines (and the ratio's), a
token-ratio chart that crosses 1 has its crossover mark drawn inside the plot, one below 1 has
its pays-from flag, and the console is clean.
Prints one JSON object with what it measured; exits 1 with the failed checks on stderr.
"""
import json
import sys

import headless_chromium
from selenium.webdriver.common.by import By


def main():
    page, screenshot, presets = sys.argv[1], sys.argv[2], int(sys.argv[3])
    driver = headless_chromium.start(1280, 1500)
    failures = []
    try:
        headless_chromium.open_page(driver, page)
        sections = driver.find_elements(By.CSS_SELECTOR, "section.sweep-preset")
        if len(sections) != presets:
            failures.append(f"{len(sections)} preset sections, expected {presets}")
        charts = driver.find_elements(By.CSS_SELECTOR, "svg.sweep-chart")
        if len(charts) != 7 * presets:
            failures.append(f"{len(charts)} charts, expected {7 * presets}")
        marks = []
        for section in sections:
            name = section.get_attribute("data-preset")
            ratio = section.find_elements(By.CSS_SELECTOR, "figure[data-metric=tokens_ratio] svg")
            if not ratio:
                failures.append(f"{name}: no token-ratio chart")
                continue
            svg = ratio[0]
            box = svg.rect
            if box["width"] < 200 or box["height"] < 100:
                failures.append(f"{name}: token-ratio chart is {box['width']}x{box['height']} px")
            status = section.get_attribute("data-token-crossover")
            flags = svg.find_elements(By.CSS_SELECTOR, "g.pays-from-mark path.pays-from")
            if status != "never_pays" and not flags:
                failures.append(f"{name}: the token ratio is below 1 but no pays-from mark is drawn")
            mark = svg.find_elements(By.CSS_SELECTOR, "g.crossover-mark line.crossover-line")
            if status == "crosses" and not mark:
                failures.append(f"{name}: the token ratio crosses 1 but the chart has no crossover mark")
                continue
            if status != "crosses":
                marks.append({"preset": name, "status": status, "pays_from": flags[0].get_attribute("class") if flags else None})
                continue
            line = mark[0].rect
            if not (box["x"] <= line["x"] <= box["x"] + box["width"]):
                failures.append(f"{name}: the crossover mark is outside its chart")
            points = len(svg.find_elements(By.CSS_SELECTOR, "g.series-ratio circle.point"))
            arms = section.find_elements(By.CSS_SELECTOR, "figure[data-metric=tokens] g.series-baseline circle.point")
            cand = section.find_elements(By.CSS_SELECTOR, "figure[data-metric=tokens] g.series-candidate circle.point")
            if points == 0 or len(arms) != points or len(cand) != points:
                failures.append(f"{name}: {points} ratio points, {len(arms)} baseline and {len(cand)} candidate token points")
            marks.append({"preset": name, "status": status, "crossover_x": round(line["x"] - box["x"]), "points": points,
                          "label": svg.find_element(By.CSS_SELECTOR, "g.crossover-mark text").text})
        if sections:
            driver.execute_script("arguments[0].scrollIntoView()", sections[0])
        driver.save_screenshot(screenshot)
        errors = headless_chromium.console_errors(driver)
        if errors:
            failures.append(f"console errors: {errors}")
        print(json.dumps({"sections": len(sections), "charts": len(charts), "crossovers": marks}))
    finally:
        driver.quit()
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
