"""Loads an HTML report in headless Chromium (offline, from file://) and checks it renders.

Usage: html_report_check.py REPORT.html SCREENSHOT.png GATES EXPECTED_REGRESSIONS_JSON
Prints one JSON object with what it measured; exits 1 with the failed checks on stderr.
"""
import json
import sys

import headless_chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def main():
    report, screenshot, gates, expected = sys.argv[1], sys.argv[2], int(sys.argv[3]), set(json.loads(sys.argv[4]))
    driver = headless_chromium.start(1280, 2400)
    failures = []
    try:
        headless_chromium.open_page(driver, report)
        load_ms = driver.execute_script(
            "var m = performance.getEntriesByName('modegate-table-rendered')[0]; return m ? m.startTime : null;")
        marks = len(driver.find_elements(By.CSS_SELECTOR, "svg.forest g.gate-row .mark"))
        if marks != gates:
            failures.append(f"forest plot has {marks} marks, the verdict {gates} gates")
        total = len(driver.execute_script("return JSON.parse(document.getElementById('modegate-data').textContent).cases"))
        rows = len(driver.find_elements(By.CSS_SELECTOR, "#case-table tbody tr"))
        if rows != total:
            failures.append(f"case table has {rows} rows, the data {total} cases")
        # At the window's 1280 px the case table must fit: sideways scrolling hides the flags.
        overflow = driver.execute_script(
            "var w = document.querySelector('.table-wrap'); return w.scrollWidth - w.clientWidth;")
        if overflow > 1:
            failures.append(f"case table is {overflow} px wider than its frame at 1280 px")
        # What the arms differ in stands in the header, where the verdict is read.
        differences = driver.find_elements(By.CSS_SELECTOR, "header.verdict .arm-differences")
        if not differences or not differences[0].is_displayed() \
                or not differences[0].text.startswith("The arms differ in: strategy tool_call \u2192 codemode"):
            failures.append(f"header shows arm differences {[d.text for d in differences]}")
        cost_rows = [tr.find_element(By.TAG_NAME, "td").text for tr in driver.find_elements(By.CSS_SELECTOR, "#costs tbody tr")]
        if "Prompt tokens" not in cost_rows or "Payload suppression" not in cost_rows:
            failures.append(f"costs table rows are {cost_rows}, expected the verdict's cost figures")
        driver.find_element(By.CSS_SELECTOR, ".filters button[data-filter=regressions]").click()
        shown = {tr.get_attribute("data-case") for tr in driver.find_elements(By.CSS_SELECTOR, "#case-table tbody tr")}
        if shown != expected:
            failures.append(f"regressions filter shows {sorted(shown)}, expected {sorted(expected)}")
        driver.save_screenshot(screenshot.replace(".png", "-table.png"))
        first = driver.find_element(By.CSS_SELECTOR, "#case-table tbody tr")
        first.click()
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "case-panel").is_displayed())
        baseline = driver.find_elements(By.CSS_SELECTOR, "#case-panel .arm-baseline .msg")
        candidate = driver.find_elements(By.CSS_SELECTOR, "#case-panel .arm-candidate .msg")
        if not baseline or not candidate:
            failures.append(f"case panel shows {len(baseline)} baseline and {len(candidate)} candidate messages")
        driver.save_screenshot(screenshot.replace(".png", "-case.png"))
        driver.find_element(By.CSS_SELECTOR, "#case-panel .panel-close").click()
        driver.find_element(By.CSS_SELECTOR, ".filters button[data-filter=all]").click()
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(screenshot)
        errors = headless_chromium.console_errors(driver)
        if errors:
            failures.append(f"console errors: {errors}")
        print(json.dumps({"marks": marks, "rows": rows, "regressions": sorted(shown), "table_rendered_ms": load_ms,
                          "table_overflow_px": overflow, "cost_rows": len(cost_rows),
                          "baseline_messages": len(baseline), "candidate_messages": len(candidate)}))
    finally:
        driver.quit()
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
