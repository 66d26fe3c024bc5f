"""Reading and validating campaign folders (pure Python: no Qt, no aiohttp)."""
