#!/usr/bin/python3
"""Opening a comparison of two models against opening one, timed from exec, in one run.

    /usr/bin/python3 bench/compare_open.py [--binary build/app/latent-explorer]
        [--with MODEL] [--projection umap] [--runs 5]

Alternating run by run under one Xvfb, on the bundled model and the 10,000-image test split:
  one map     exec -> the app's "timings: map shown" line (--projection's map on show)
  both maps   exec -> "timings: both maps shown", with --compare-with MODEL (by default
              the last checkpoint of the tests' training run: the bundled architecture, so
              the same work twice, the fair case for "under 2x"; not the bundled model
              itself, whose identical latents reuse the first map instead of projecting)
Both start just before the process is created, so they include the dynamic loader and
LibTorch's start. Prints each median and range, their ratio, and the load before and after.
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(command, env, wanted):
    """Seconds from exec to the stderr line starting with `wanted`, or None."""
    start = time.perf_counter()
    app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen = None
    lines = []
    for line in app.stderr:
        lines.append(line)
        if seen is None and line.startswith(wanted):
            seen = time.perf_counter() - start
    app.wait(timeout=600)
    if app.returncode != 0 or seen is None:
        print("  exit %d, no '%s'; stderr:\n%s" % (app.returncode, wanted, "".join(lines[-5:])))
    return seen


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return "never"
    return "median %7.3f s  (%.3f-%.3f, %d runs)" % (statistics.median(values), min(values), max(values), len(values))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, "build/app/latent-explorer"))
    parser.add_argument("--with", dest="other", default=os.path.join(ROOT, "build/tests/checkpoints/run/epoch_003.pt"))
    parser.add_argument("--projection", default="umap")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="latent-compare-")
    # A fresh settings and data folder: no crash-recovery offer, no remembered choices.
    env = dict(os.environ, DISPLAY=":78", XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_DATA_HOME=os.path.join(work, "data"))
    base = [args.binary, "--timings", "--projection", args.projection, "--screenshot", os.path.join(work, "shot.png")]
    xvfb = subprocess.Popen(["Xvfb", ":78", "-screen", "0", "1600x1000x24"], stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    print("load average before: %.2f %.2f %.2f, %d cores" % (os.getloadavg() + (os.cpu_count(),)))
    one, both = [], []
    try:
        subprocess.run([args.binary, "--help"], stdout=subprocess.DEVNULL, check=True)  # into the page cache
        for _ in range(args.runs):
            one.append(timed(base, env, "timings: map shown"))
            both.append(timed(base + ["--compare-with", args.other], env, "timings: both maps shown"))
    finally:
        xvfb.terminate()
    print("load average after:  %.2f %.2f %.2f" % os.getloadavg())
    print("%s map, 10,000 test images" % args.projection)
    print("  one map    %s" % summary(one))
    print("  both maps  %s  (compared with %s)" % (summary(both), os.path.basename(args.other)))
    measured = [v for v in one if v is not None], [v for v in both if v is not None]
    if all(measured):
        print("  ratio of medians: %.2f (target: under 2)" % (statistics.median(measured[1]) / statistics.median(measured[0])))


if __name__ == "__main__":
    main()
