"""`negsim-app`: serve the interactive app (sim/app/page.py) on localhost with Solara.

Solara's page loads its JavaScript and CSS from a public CDN, through a caching proxy in the
server. Where that CDN cannot be reached (offline machines, CI), the same files are taken from
the npm registry once and put in the proxy's cache, so the page loads with no CDN at all.
Kept apart from the app so that a missing optional extra gives one clear line, not a traceback,
and so that stopping `negsim-app` stops the server and every process it started.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import re
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from pathlib import Path

from sim.config.compose import CONFIG_DIRS

APP = "sim.app.page"
REGISTRY = "https://registry.npmjs.org"
PINNED = re.compile(r"((?:@[\w.-]+/)?[\w.-]+)@(\d+\.\d+\.\d+(?:-[\w.]+)?)/")
"""An npm package pinned to an exact version in a CDN path: name@1.2.3/..."""


def command(port: int, host: str) -> list[str]:
    """The `solara run` command line that serves the app."""
    return [sys.executable, "-m", "solara", "run", APP, "--host", host, "--port", str(port),
            "--production", "--no-open", "--log-level", "warning"]


def packages_needed() -> set[tuple[str, str]]:
    """The npm packages (name, version) that Solara's page and components ask the CDN for:
    every exact-version path in its page template, widgets and components."""
    import solara
    from solara.server.settings import assets

    root = Path(solara.__file__).parent
    sources = [root / "server" / "templates" / "solara.html.j2",
               *(root / "widgets" / "vue").glob("*.vue"),
               *(root / "components").glob("*.vue"), *(root / "components").glob("*.py")]
    text = "\n".join([assets.fontawesome_path, *(p.read_text(encoding="utf-8") for p in sources)])
    return {(m.group(1), m.group(2)) for m in PINNED.finditer(text)}


def cache_dir() -> Path:
    from solara.server.settings import assets

    return Path(assets.proxy_cache_dir)


def prepare_assets(cache: Path, packages: set[tuple[str, str]], fetch=None) -> list[str]:
    """Put each package in the proxy cache as `name@version/` unless it is there; returns
    the packages fetched. Each is unpacked beside the cache and moved in whole, so a killed
    download never leaves half a package that the server would take for the real thing."""
    fetch = fetch or _download
    fetched = []
    for name, version in sorted(packages):
        target = cache / f"{name}@{version}"
        if target.is_dir():
            continue
        data = fetch(f"{REGISTRY}/{name}/-/{name.split('/')[-1]}-{version}.tgz")
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
                archive.extractall(scratch, filter="data")
            root = next(Path(scratch).iterdir())  # npm packs under package/ (or the name)
            os.replace(root, target)
        fetched.append(f"{name}@{version}")
    return fetched


def _download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read()


def main(argv: list[str] | None = None) -> None:
    """Console script `negsim-app [--port N] [--host H]`."""
    parser = argparse.ArgumentParser(prog="negsim-app", description=__doc__)
    parser.add_argument("--port", type=int, default=8765, help="port (0: any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--config-dir", action="append", default=[], type=Path,
                        help="a folder of your own scenario/ and mediator/ files (repeatable)")
    args = parser.parse_args(argv)
    for folder in args.config_dir:
        if not folder.is_dir():
            print(f"negsim-app: --config-dir: got '{folder}'; expected a folder of configs",
                  file=sys.stderr)
            sys.exit(2)
    if args.config_dir:  # read by sim.app.levers in the server process
        os.environ[CONFIG_DIRS] = os.pathsep.join(str(f.resolve()) for f in args.config_dir)
    if not 0 <= args.port <= 65535:
        print(f"negsim-app: --port: got {args.port}; expected a port number 0-65535",
              file=sys.stderr)
        sys.exit(2)
    busy = port_taken(args.host, args.port)
    if busy:
        print(f"negsim-app: --port: got {args.port}; expected a port free on {args.host} "
              f"({busy})", file=sys.stderr)
        sys.exit(2)
    if importlib.util.find_spec("solara") is None:
        print("negsim-app: the app needs the optional extra: pip install -e '.[app]'",
              file=sys.stderr)
        sys.exit(2)
    try:
        for package in prepare_assets(cache_dir(), packages_needed()):
            print(f"negsim-app: fetched {package} from the npm registry", flush=True)
    except OSError as error:
        print(f"negsim-app: could not fetch the page's scripts from {REGISTRY}: {error}",
              file=sys.stderr)
        sys.exit(1)
    os.environ.setdefault("SOLARA_TELEMETRY_MIXPANEL_ENABLE", "False")
    print(f"negsim-app: serving on http://{args.host}:{args.port} (Ctrl-C to stop)", flush=True)
    sys.exit(serve(command(args.port, args.host)))


def port_taken(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None: checked before it says "serving
    on". Port 0 (any free port) is always free."""
    import socket

    if port == 0:
        return None
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        return error.strerror or str(error)
    return None


def serve(cmd: list[str]) -> int:
    """Run the server in a process group of its own and, however we stop (Ctrl-C, SIGTERM),
    stop the whole group: the likelihood panel's worker processes go with the server."""
    server = subprocess.Popen(cmd, start_new_session=True)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        return server.wait()
    except (KeyboardInterrupt, SystemExit):
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        _stop_group(server)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _stop_group(server: subprocess.Popen) -> None:
    for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return  # the group is gone
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            try:
                os.killpg(server.pid, 0)
            except ProcessLookupError:
                return
            server.poll()
            time.sleep(0.1)


if __name__ == "__main__":
    main()
