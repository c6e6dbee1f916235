"""`python -m app`: serve on HOST:PORT from the environment (127.0.0.1:8000 by default)."""

import uvicorn

from app.config import get_settings

if __name__ == "__main__":
    settings = get_settings()
    uvicorn.run("app.main:app", host=settings.host, port=settings.port)
