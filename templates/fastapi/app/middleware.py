"""A cap on request body size, answered with the shared error body (413)."""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import ApiError, error_response

MAX_BODY_BYTES = 65_536


class BodyTooLarge(ApiError):
    def __init__(self) -> None:
        super().__init__(413)


class BodySizeLimitMiddleware:
    """Refuse bodies over `max_bytes`: by Content-Length before reading, else while streaming.

    A pure ASGI middleware (not `@app.middleware("http")`), so it sees the body as it
    arrives and nothing past the limit is ever buffered. FastAPI's own `max_body_size`
    answers some of its 413s in plain text, outside the app's exception handlers.
    """

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._declared_length(scope) > self.max_bytes:
            await error_response(413)(scope, receive, send)
            return

        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Raised inside the endpoint's body read: the app's handler answers it.
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            # Read outside any endpoint (e.g. by another middleware): answer here.
            if started:
                raise
            await error_response(413)(scope, receive, send)

    @staticmethod
    def _declared_length(scope: Scope) -> int:
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    return int(value)
                except ValueError:
                    return 0
        return 0
