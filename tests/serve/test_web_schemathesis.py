"""Schemathesis: requests generated from the API's OpenAPI spec, checked against it (bounded budget).

No generated request may cause a server error, and every response must match the documented schema.
Runs each operation's Hypothesis strategy directly (one test per operation).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from purgewatch.serve.app import create_app

BUDGET = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)


@pytest.fixture(scope="module")
def api_schema(sample_db):
    app = create_app(sample_db)  # read-only: uploads are answered 403, as documented
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def operations(schema):
    return [result.ok() for result in schema.get_all_operations()]


def test_every_api_operation_conforms_to_the_spec(api_schema):
    ops = operations(api_schema)
    assert len(ops) >= 10
    checked = []
    for op in ops:
        @BUDGET
        @given(case=op.as_strategy())
        def run(case):
            response = case.call()
            assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:300])
            case.validate_response(response)

        run()
        checked.append(f"{op.method.upper()} {op.path}")
    assert "GET /api/events" in checked and "POST /api/documents" in checked
