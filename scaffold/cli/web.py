"""``scaffold web``: the questionnaire, Explore and download in a browser (workshops)."""

import threading
from typing import Annotated

import typer

from ..errors import UserError
from . import output
from .boundary import command

INSTALL_EXTRA = "pip install 'scaffold[web]'"


@command
def web_cmd(
    host: Annotated[
        str, typer.Option(help="Interface to listen on; 0.0.0.0 lets a room connect.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the page in a browser once it is up.")
    ] = False,
) -> None:
    """Serve the questionnaire, Explore and downloads as a web page and an HTTP API."""
    try:
        import uvicorn

        from ..web.app import create_app, first_views
    except ImportError as exc:
        raise UserError(
            "scaffold web needs the web extra (Starlette, uvicorn).", INSTALL_EXTRA
        ) from exc
    from ..web.network import ALL_INTERFACES, check_free, local_addresses, share_urls

    check_free(host, port)
    everywhere = host in ALL_INTERFACES
    urls = share_urls(host, port, local_addresses() if everywhere else [])
    label = "Share with the room" if everywhere else "Open"
    output.panel("scaffold web — Ctrl-C stops it", [(label, url) for url in urls])
    if open_browser:
        import webbrowser  # deferred: only --open needs it, and every start would pay

        local = f"http://127.0.0.1:{port}/" if everywhere else urls[0]
        threading.Timer(1.0, webbrowser.open, args=(local,)).start()
    # The first view of each stack is ready before the room opens the link.
    uvicorn.run(
        create_app(warm=first_views()),
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
    )
