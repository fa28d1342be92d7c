"""Shared fixtures for the transport tests: anyio on asyncio (websockets is asyncio-only)."""

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
