"""Socket.IO: how many concurrent chat clients one node-express process holds on loopback,
and the broadcast latency p99 at 1,000 clients.

The generated chat (features=chat, production server) is driven by one Node process of
socket.io-client (from the project's own node_modules, websocket transport) that opens
clients in steps; at 1,000 clients one client sends messages and every client records
when each broadcast arrives. Bounded: at most --max clients and --limit seconds.

    .venv/bin/python -m bench.socketio [--max 16000] [--limit 180]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import tempfile
from pathlib import Path

from bench.common import generate, machine, table
from scaffold.compare.footprint import group_rss
from scaffold.compare.servers import production_server
from scaffold.stacks import STACKS

CLIENT = Path(__file__).with_name("socketio_clients.cjs")


def steps(maximum: int) -> list[int]:
    values, n = [], 250
    while n <= maximum:
        values.append(n)
        n *= 2
    return sorted({*values, 1000} & set(range(1, maximum + 1)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max", type=int, default=16000)
    parser.add_argument("--limit", type=int, default=180)
    parser.add_argument("--messages", type=int, default=20)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # inherited by server and client
    print(f"Machine: {machine()}\nOpen-file limit: {hard} (was {soft}).\n")
    rows, latency = [], None
    with tempfile.TemporaryDirectory(prefix="bench-socketio-") as tmp:
        project = generate(Path(tmp), "node-express", features=["chat"])
        service = STACKS["node-express"].services[0]
        env = dict(service.production_env)
        with production_server(project, service, env=env, log=Path(tmp) / "server.log") as srv:
            client_env = {
                **os.environ,
                "SOCKET_IO_CLIENT": str(project / "node_modules" / "socket.io-client"),
            }
            argv = ["node", str(CLIENT), srv.url, ",".join(map(str, steps(args.max))), "1000"]
            with subprocess.Popen(
                [*argv, str(args.messages), str(args.limit)],
                stdout=subprocess.PIPE,
                text=True,
                env=client_env,
            ) as client:
                assert client.stdout
                for line in client.stdout:
                    data = json.loads(line)
                    if "step" in data:
                        rss = group_rss(srv.sampler.pgid) / 1024 / 1024
                        rows.append(
                            [
                                str(data["step"]),
                                str(data["connected"]),
                                str(data["failed"]),
                                f"{data['seconds']:.1f}",
                                f"{rss:.0f}",
                            ]
                        )
                    else:
                        latency = data
    print(table(["clients asked", "connected", "failed", "seconds to open", "server RSS MB"], rows))
    if latency:
        print(
            f"\nBroadcast at {latency['latency_clients']} clients: {latency['messages']} "
            f"messages, {latency['deliveries']}/{latency['expected']} deliveries, "
            f"p50 {latency['p50_ms']:.1f} ms, p99 {latency['p99_ms']:.1f} ms, "
            f"max {latency['max_ms']:.1f} ms (send to receipt, clients in one Node process)."
        )


if __name__ == "__main__":
    main()
