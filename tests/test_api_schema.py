"""schemathesis against the API's own OpenAPI schema, as an analyst: whatever it sends —
valid, malformed, hostile — no 5xx, and every error a JSON body with a reason."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import CheckContext, Response
from schemathesis.checks import not_a_server_error
from schemathesis.generation.case import Case

from .web_desk import Desk


@schemathesis.check
def errors_say_why(ctx: CheckContext, response: Response, case: Case) -> bool | None:
    if response.status_code >= 400:
        assert response.headers.get("content-type", [""])[0].startswith("application/json"), (
            f"{response.status_code} without a JSON body"
        )
        body = response.json()
        assert isinstance(body, dict) and isinstance(body.get("detail"), str) and body["detail"], (
            f"{response.status_code} without a reason: {body!r}"
        )
    return None


def test_api_never_fails_and_always_says_why(desk: Desk) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", desk.app)
    headers = {"Authorization": f"Bearer {desk.tokens['analyst']}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        def call(case: Case) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error, errors_say_why])

        call()
