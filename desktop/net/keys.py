"""Typed keys of what the aiohttp application holds."""

from __future__ import annotations

from aiohttp import web

from desktop.model.activity import ActivitySink
from desktop.model.store import Store
from desktop.net.auth import GmAuth
from desktop.net.broadcaster import Broadcaster
from desktop.net.discovery import Discovery
from desktop.net.limits import PlayerLimits
from desktop.net.static import PlayerPage

STORE = web.AppKey("store", Store)
AUTH = web.AppKey("auth", GmAuth)
BROADCASTER = web.AppKey("broadcaster", Broadcaster)
DISCOVERY = web.AppKey("discovery", Discovery)
PAGE = web.AppKey("page", PlayerPage)
ACTIVITY: web.AppKey[ActivitySink] = web.AppKey("activity")
LIMITS = web.AppKey("limits", PlayerLimits)
