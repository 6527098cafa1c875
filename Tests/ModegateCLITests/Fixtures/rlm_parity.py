"""Runs RLM Code 0.1.13's own compare_benchmarks on the scenarios in a JSON file and prints its
verdicts, so the Swift tests can check modegate's RLM-style validate against the real thing.

Usage: python rlm_parity.py SCENARIOS.json  (each scenario: {"workdir", "candidate", "baseline", "thresholds"})
"""
import json
import sys
from pathlib import Path

from rlm_code.rlm.benchmark_manager import BenchmarkManagerMixin


class Runner(BenchmarkManagerMixin):
    def __init__(self, workdir):
        self.workdir = Path(workdir).resolve()
        self.run_dir = self.workdir / ".rlm_code" / "rlm" / "runs"


def main():
    scenarios = json.loads(Path(sys.argv[1]).read_text())
    results = []
    for scenario in scenarios:
        comparison = Runner(scenario["workdir"]).compare_benchmarks(
            candidate=scenario["candidate"], baseline=scenario["baseline"], **scenario["thresholds"])
        results.append({
            "gates": comparison.gates,
            "passed": bool(comparison.passed),
            "deltas": comparison.deltas,
            "case_summary": comparison.case_summary,
        })
    print(json.dumps(results))


if __name__ == "__main__":
    main()
