#!/usr/bin/python3
"""Start-up of two builds of latent-explorer, timed from exec, in one run.

    /usr/bin/python3 bench/startup_from_exec.py OLD_BINARY NEW_BINARY [--runs 7]

For each binary, alternating run by run so both see the same machine:
  --help                      exec -> exit
  project --method pca        exec -> exit, on a 3,000 x 3 .npy (written to /tmp)
  the GUI on the bundled model and the 10,000-image test split, under one Xvfb:
    window shown              exec -> the window is mapped (xdotool sees it visible)
    map shown                 exec -> the app's "timings:" line on stderr, written
                              when the encoded map is ready (--timings)
Each time starts just before the process is created (Popen), so it includes the dynamic
loader and every library's static initialisation, which a timer in main() cannot see.
Prints the median and range of each, and the machine's load before and after.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import numpy as np


def timed_exit(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def timed_gui(binary, display, shot):
    """(window shown, map shown) in seconds from exec, or None for one that never came."""
    env = dict(os.environ, DISPLAY=display)
    times = {}
    start = time.perf_counter()
    app = subprocess.Popen([binary, "--timings", "--screenshot", shot], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def watch_window():
        # Polled every 20 ms: xdotool's own --sync polls only every 0.5 s, and at 5 ms some
        # app starts (4 of 32) failed to connect to Xvfb.
        while app.poll() is None:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.pid)],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if found.returncode == 0:
                times["window"] = time.perf_counter() - start
                return
            time.sleep(0.02)

    watcher = threading.Thread(target=watch_window, daemon=True)
    watcher.start()
    lines = []
    for line in app.stderr:
        lines.append(line)
        if line.startswith("timings:") and "map" not in times:
            times["map"] = time.perf_counter() - start
    app.wait(timeout=120)
    watcher.join(timeout=5)
    if app.returncode != 0 or len(times) < 2:
        print("  %s: exit %d, %s; its stderr:\n%s" % (binary, app.returncode, sorted(times), "".join(lines[-5:])))
    return times.get("window"), times.get("map")


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return "never"
    return "median %7.3f s  (%.3f-%.3f, %d runs)" % (statistics.median(values), min(values), max(values),
                                                    len(values))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    binaries = {"old": os.path.abspath(args.old), "new": os.path.abspath(args.new)}
    work = tempfile.mkdtemp(prefix="latent-startup-")
    points = os.path.join(work, "points.npy")
    np.save(points, np.random.default_rng(0).normal(size=(3000, 3)).astype(np.float32))
    xvfb = subprocess.Popen(["Xvfb", ":77", "-screen", "0", "1600x1000x24"], stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    print("load average before: %.2f %.2f %.2f, %d cores" % (os.getloadavg() + (os.cpu_count(),)))
    results = {name: {"help": [], "project": [], "window": [], "map": []} for name in binaries}
    try:
        for name, binary in binaries.items():  # one untimed round: the files are in the page cache
            timed_exit([binary, "--help"])
        for _ in range(args.runs):
            for name, binary in binaries.items():
                r = results[name]
                r["help"].append(timed_exit([binary, "--help"]))
                r["project"].append(timed_exit([binary, "project", "--in", points, "--method", "pca",
                                                "--out", os.path.join(work, name + ".csv")]))
                window, shown = timed_gui(binary, ":77", os.path.join(work, name + ".png"))
                r["window"].append(window)
                r["map"].append(shown)
    finally:
        xvfb.terminate()
    print("load average after:  %.2f %.2f %.2f" % os.getloadavg())
    labels = {"help": "--help", "project": "project --method pca (3,000 x 3)",
              "window": "GUI: window shown", "map": "GUI: 10,000-image map shown"}
    for key, label in labels.items():
        print(label)
        for name in binaries:
            print("  %-4s %s" % (name, summary(results[name][key])))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
