"""The benchmark: the full suite next to bare starts (`--fsc-noop`) of the same
executables, run the same parallel way, each in its own fresh sandbox."""

import statistics
import time


def measure(runner, probes, jobs, runs, suite_work):
    """Median wall times (suite, bare) over `runs` alternating rounds, plus the ids
    whose --fsc-noop run did not exit 0."""
    suite_times, bare_times, bad_noop = [], [], set()

    def noop(probe):
        raw = runner.run(probe, args=("--fsc-noop",))
        if raw.exit_status != 0 or raw.timed_out:
            bad_noop.add(probe.id)
        return raw

    for _ in range(runs):
        t0 = time.monotonic()
        runner.map(probes, noop, jobs)
        bare_times.append(time.monotonic() - t0)
        t0 = time.monotonic()
        runner.map(probes, suite_work, jobs)
        suite_times.append(time.monotonic() - t0)
    return statistics.median(suite_times), statistics.median(bare_times), sorted(bad_noop)


def format_line(suite, bare, n_probes, jobs, runs):
    ratio = f"{suite / bare:.1f}" if bare > 0 else "n/a"
    return (f"suite {secs(suite)} s, bare start {secs(bare)} s, ratio {ratio} "
            f"({n_probes} probe{'s' if n_probes != 1 else ''}, -j {jobs}, median of {runs})")


def secs(x):
    return f"{x:.2f}" if x >= 0.1 else f"{x:.3f}"
