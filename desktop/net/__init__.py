"""The LAN server: aiohttp app, REST handlers, SSE broadcaster, discovery (no Qt)."""
