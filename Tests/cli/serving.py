"""Starting a `zielona serve` process for a drill and waiting until it answers /healthz."""
import subprocess
import sys
import time

import requests


def start_serve(binary, port, cwd, env, log_path, tries=480):
    """The process, once /healthz answers 200; the drill fails if it exits or never answers."""
    log = open(log_path, "a")
    proc = subprocess.Popen([binary, "serve", "--port", str(port)], cwd=cwd, stdout=log, stderr=log, env=env)
    for _ in range(tries):
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except requests.RequestException:
            pass
        if proc.poll() is not None:
            sys.exit(f"FAIL: serve exited {proc.returncode}; see {log_path}")
        time.sleep(0.25)
    sys.exit(f"FAIL: serve on {port} did not answer /healthz; see {log_path}")
